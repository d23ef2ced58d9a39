import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, MAX_PARTS, MIN_PART_SIZE, csvRecord, csvStringifier, partSizeFor } from '../../shared/audit/csv-export.js';

const MiB = 1024 * 1024;

describe('partSizeFor', () => {
  it('uses 5 MiB parts for a 15-minute run (45 GB bound) and anything smaller', () => {
    expect(partSizeFor(0)).toBe(MIN_PART_SIZE);
    expect(partSizeFor(50e6 * 900)).toBe(5 * MiB);
  });

  it('grows in whole MiB so the bound always fits in 90% of 10,000 parts', () => {
    for (const bytes of [46e9, 100e9, 1e12, 4.9e12]) {
      const size = partSizeFor(bytes);
      expect(size % MiB).toBe(0);
      expect(Math.ceil(bytes / size)).toBeLessThanOrEqual(MAX_PARTS * 0.9);
      expect(Math.ceil(bytes / (size - MiB))).toBeGreaterThan(MAX_PARTS * 0.9 - 1);
    }
  });
});

describe('CSV format', () => {
  it('writes a BOM, a header, CRLF records, RFC 4180 quoting and neutralised formulas', async () => {
    const s = csvStringifier();
    const out: Buffer[] = [];
    s.on('data', (c: Buffer) => out.push(c));
    const done = new Promise((r) => s.on('end', r));
    s.write(
      csvRecord({
        id: 'E1',
        at: '2026-01-01T00:00:00.000Z',
        actorEmail: 'a@b.test',
        actorRole: 'admin',
        module: 'bots',
        action: 'update',
        botId: 'B1',
        targetId: '=1+1',
        changes: { name: { before: 'x, "y"', after: 'line\nbreak ✓' } },
      }),
    );
    s.write(
      csvRecord({
        id: 'E2',
        at: '2026-01-01T00:00:01.000Z',
        actorEmail: 'system:cli',
        actorRole: 'system',
        module: 'team',
        action: 'create',
        targetId: 'T1',
        changes: {},
      }),
    );
    s.end();
    await done;
    const raw = Buffer.concat(out).toString('utf8');
    expect(raw.startsWith('\uFEFFtimestamp,actor_email,actor_role,module,action,bot_id,target_id,changes\r\n')).toBe(true);
    expect(raw).toContain(`,'=1+1,"{""name"":{""before"":""x, \\""y\\"""",""after"":""line\\nbreak ✓""}}"\r\n`);
    const rows = parse(raw, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual({
      timestamp: '2026-01-01T00:00:01.000Z',
      actor_email: 'system:cli',
      actor_role: 'system',
      module: 'team',
      action: 'create',
      bot_id: '',
      target_id: 'T1',
      changes: '{}',
    });
  });
});
