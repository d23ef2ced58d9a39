import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCreateTeam, client, type Runtime, startRuntime } from '../support/runtime.js';

/** The audit CSV export over HTTP against `npm start` (DynamoDB Local + s3rver + the background exporter). */
let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;

beforeAll(async () => {
  rt = await startRuntime({ env: { EXPORT_PROGRESS_INTERVAL_MS: '200' } });
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
});
afterAll(() => rt?.stop());

/** Polls the export until it leaves queued/running (30 s at most); returns every status seen and the last body. */
async function settle(exportId: string) {
  const seen: string[] = [];
  for (let i = 0; i < 300; i++) {
    const r = await api('GET', `${team}/audit-logs/exports/${exportId}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    if (seen.at(-1) !== r.json.status) seen.push(r.json.status);
    if (r.json.status !== 'queued' && r.json.status !== 'running') return { seen, body: r.json };
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`export ${exportId} did not finish: ${seen.join(' -> ')}`);
}

describe('audit log export over HTTP', () => {
  it('exports the filtered log: 202, poll until succeeded, download the CSV with curl', async () => {
    const names = ['Alpha, "the first"', 'Beta\nsecond line', '=SUM(1,2)'];
    const ids: string[] = [];
    for (const name of names) ids.push((await api('POST', `${team}/bots`, { name })).json.id);

    const r = await api('POST', `${team}/audit-logs/exports`, { module: 'bots', action: 'create' });
    expect(r.status).toBe(202);
    expect(r.json).toEqual({ exportId: expect.stringMatching(/^[0-9A-Z]{26}$/), status: 'queued' });
    expect(r.headers.get('location')).toBe(`${team}/audit-logs/exports/${r.json.exportId}`);

    const { body } = await settle(r.json.exportId);
    expect(body).toMatchObject({
      exportId: r.json.exportId,
      status: 'succeeded',
      rowCount: 3,
      downloadUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/botops-exports\/exports\//),
      expiresAt: expect.any(String),
    });

    // the link is a plain URL: no API key, any HTTP client
    const { stdout } = await promisify(execFile)('curl', ['-sS', '--fail', body.downloadUrl], { encoding: 'buffer' });
    const rows = parse(stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.target_id)).toEqual([...ids].reverse());
    expect(rows.map((row) => JSON.parse(row.changes!).name.after)).toEqual([...names].reverse());
    expect(rows.every((row) => row.module === 'bots' && row.action === 'create' && row.actor_email === rt.creds.email)).toBe(true);

    // the request itself is in the audit log, by the admin who asked
    const log = await api('GET', `${team}/audit-logs?module=audit&action=export_requested&limit=1`);
    expect(log.json.items[0]).toMatchObject({ targetId: r.json.exportId, actorEmail: rt.creds.email });
  });

  it('runs two exports of one team at once, and replays a request with the same Idempotency-Key', async () => {
    const key = `export-${Date.now()}`;
    const [a, b] = await Promise.all([
      api('POST', `${team}/audit-logs/exports`, {}, { 'idempotency-key': key }),
      api('POST', `${team}/audit-logs/exports`, { module: 'team' }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const replay = await api('POST', `${team}/audit-logs/exports`, {}, { 'idempotency-key': key });
    expect(replay.json.exportId).toBe(a.json.exportId);
    const [sa, sb] = await Promise.all([settle(a.json.exportId), settle(b.json.exportId)]);
    expect(sa.body.status).toBe('succeeded');
    expect(sb.body).toMatchObject({ status: 'succeeded', rowCount: 1 });
    expect(sa.body.rowCount).toBeGreaterThan(sb.body.rowCount);
  });

  it('answers bad filters 400 naming the field, a member 403, and foreign or unknown ids 404', async () => {
    for (const [body, path] of [
      [{ module: 'nope' }, 'module'],
      [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
      [{ from: 'yesterday' }, 'from'],
      [{ limit: 10 }, 'limit'],
    ] as const) {
      const r = await api('POST', `${team}/audit-logs/exports`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }

    const member = await api('POST', `${team}/members`, { email: `member-${Date.now()}@demo.test`, role: 'member' });
    const asMember = client(rt.baseUrl, (await api('POST', `${team}/api-keys`, { name: 'member', memberId: member.json.id })).json.key);
    expect((await asMember('POST', `${team}/audit-logs/exports`, {})).status).toBe(403);

    const mine = (await api('POST', `${team}/audit-logs/exports`, {})).json.exportId as string;
    expect((await asMember('GET', `${team}/audit-logs/exports/${mine}`)).status).toBe(403);
    const other = await adminCreateTeam(rt.dataDir, 'Other Co', `owner-${Date.now()}@other.test`);
    const otherApi = client(rt.baseUrl, other.apiKey);
    const missing = await otherApi('GET', `/api/teams/${other.teamId}/audit-logs/exports/01ARZ3NDEKTSV4RRFFQ69G5FAV`);
    const foreign = await otherApi('GET', `/api/teams/${other.teamId}/audit-logs/exports/${mine}`);
    expect([missing.status, foreign.status]).toEqual([404, 404]);
    expect(foreign.json.detail).toBe(missing.json.detail);
    expect((await otherApi('GET', `${team}/audit-logs/exports/${mine}`)).status).toBe(404);
  });
});
