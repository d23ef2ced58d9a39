import { type Role, roleAtLeast } from '../../auth/roles.js';

/**
 * Bot fields that need a stronger role than the bot routes' `member`: `allowedDomains` decides which websites
 * may open widget sessions with the bot's key, so it is an admin setting on every route that can write it
 * (the widget settings route is admin-only too).
 */
export const FIELD_MIN_ROLE: Readonly<Record<string, Role>> = { allowedDomains: 'admin' };

/** The fields among `changed` that `role` may not change (empty when it may change them all). */
export function fieldsBeyondRole(role: string, changed: readonly string[]): string[] {
  return changed.filter((f) => {
    const min = FIELD_MIN_ROLE[f];
    return min !== undefined && !roleAtLeast(role, min);
  });
}
