import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateClientSource, SCHEMA_FILE } from '../../console/scripts/client-source.js';

describe('console API client', () => {
  it('is generated from the current OpenAPI document (run `npm run generate:client` after an API change)', async () => {
    const checkedIn = readFileSync(new URL(`../../${SCHEMA_FILE}`, import.meta.url), 'utf8');
    const fresh = await generateClientSource();
    // A plain equality would print 10,000 lines; the first differing line says what drifted.
    const a = checkedIn.split('\n');
    const b = fresh.split('\n');
    const at = a.findIndex((line, i) => line !== b[i]);
    expect(at === -1 && a.length === b.length ? 'in sync' : `differs at line ${at + 1}: "${a[at] ?? ''}" vs "${b[at] ?? ''}"`).toBe(
      'in sync',
    );
  });
});
