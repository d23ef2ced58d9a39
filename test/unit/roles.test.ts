import { describe, expect, it } from 'vitest';
import { roleAtLeast } from '../../shared/auth/roles.js';

describe('roleAtLeast', () => {
  it('orders super_admin > admin > member and denies unknown roles', () => {
    expect(roleAtLeast('super_admin', 'admin')).toBe(true);
    expect(roleAtLeast('admin', 'admin')).toBe(true);
    expect(roleAtLeast('member', 'admin')).toBe(false);
    expect(roleAtLeast('owner', 'member')).toBe(false);
    expect(roleAtLeast(undefined, 'member')).toBe(false);
  });
});
