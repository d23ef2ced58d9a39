import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as exporter } from '../../functions/audit-exporter.js';
import { type AuditEvent, auditPut } from '../../shared/audit/audit.js';
import { type AuditFilters, listAuditEvents } from '../../shared/audit/queries.js';
import { CSV_COLUMNS, runAuditExport } from '../../shared/audit/csv-export.js';
import { getAuditExportView, requestAuditExport } from '../../shared/audit/export-requests.js';
import { EXPORTER_TARGET } from '../../shared/audit/export-settings.js';
import { type StoredAuditExport, claimExport, exportObjectKey } from '../../shared/audit/exports.js';
import { doc, tableName } from '../../shared/db/client.js';
import { auditExportKey } from '../../shared/db/keys.js';
import { transactWrite } from '../../shared/db/transact.js';
import { createBot, deleteBot, updateBot } from '../../shared/domain/bots/bots.js';
import { createMember } from '../../shared/domain/team/members.js';
import { drainLocalJobs, registerLocalTarget } from '../../infra/local/adapters/async-invoke.js';
import { asyncInvoker } from '../../shared/ports/async-invoke.js';
import { exportBucket, s3 } from '../../shared/ports/object-store.js';
import { newTeam } from '../support/factory.js';
import { startTestS3 } from '../support/s3.js';
import { resetConfig } from '../../shared/config.js';

/*
 * The audit export against DynamoDB Local and s3rver: requests go through `requestAuditExport` and the local
 * async-invoke runner (as under `npm start`), the CSV is read back through the presigned download URL.
 */
let s3local: Awaited<ReturnType<typeof startTestS3>>;
let s3mock: ReturnType<typeof mockClient> | undefined;

beforeAll(async () => {
  s3local = await startTestS3();
  process.env.EXPORT_PROGRESS_INTERVAL_MS = '100';
  resetConfig();
  // what the local runtime's background job does at `npm start`
  registerLocalTarget(EXPORTER_TARGET, (payload) => exporter(payload));
});
afterEach(() => {
  vi.restoreAllMocks();
  s3mock?.restore();
  s3mock = undefined;
});
afterAll(() => s3local?.stop());

type Row = Record<(typeof CSV_COLUMNS)[number], string>;
type Team = Awaited<ReturnType<typeof newTeam>>;
const other = { email: 'second@example.test', role: 'admin' as const };
const tick = () => new Promise((r) => setTimeout(r, 5));

/** Requests an export as the team's owner, waits for the background run, returns the stored job and its view. */
async function exportOf(t: Team, filters: AuditFilters = {}) {
  const job = await requestAuditExport(t.teamId, filters, t.actor);
  await drainLocalJobs();
  return { job, view: await getAuditExportView(t.teamId, job.id) };
}

/** Downloads with the presigned URL (a plain GET, like curl) and parses the CSV back. */
async function download(url: string): Promise<{ rows: Row[]; raw: Buffer; headers: Headers }> {
  const res = await fetch(url);
  expect(res.status, await res.clone().text()).toBe(200);
  const raw = Buffer.from(await res.arrayBuffer());
  const records = parse(raw, { bom: true }) as string[][];
  expect(records[0]).toEqual([...CSV_COLUMNS]);
  const rows = records.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])) as Row);
  return { rows, raw, headers: res.headers };
}

/** Every event `GET /audit-logs` lists for these filters, newest first, all pages. */
async function listed(teamId: string, filters: AuditFilters): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents(teamId, filters, 100, cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The spreadsheet formula escape, restated from OWASP "CSV Injection": a leading = + - @ tab CR gets a quote. */
const neutralised = (v: string) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(v) ? `'${v}` : v);
const asRow = (e: AuditEvent): Row => ({
  timestamp: e.at,
  actor_email: neutralised(e.actorEmail),
  actor_role: e.actorRole,
  module: e.module,
  action: e.action,
  bot_id: e.botId ?? '',
  target_id: neutralised(e.targetId),
  changes: JSON.stringify(e.changes),
});

async function objectExists(key: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: exportBucket(), Key: key }));
    return true;
  } catch (e) {
    if ((e as Error).name === 'NotFound') return false;
    throw e;
  }
}

/** ~6 MB of CSV in 20 events of ~300 KB (one TransactWriteItems each): more than one 5 MiB part. */
// Enough bytes for two 5 MiB multipart parts, each event's changes within what an audit event stores.
const BIG_EVENTS = 60;
async function bigTeam() {
  const t = await newTeam();
  const blob = 'x'.repeat(95_000);
  for (let i = 0; i < BIG_EVENTS; i++) {
    await transactWrite([
      auditPut(t.teamId, {
        actor: t.actor,
        module: 'bots',
        action: 'update',
        botId: 'BIG',
        targetId: `big-${i}`,
        changes: { prompt: { before: null, after: `${i}:${blob}` } },
      }),
    ]);
  }
  return t;
}

describe('starting an export', () => {
  it('answers 503 and records the export as failed when the exporter cannot be started', async () => {
    const t = await newTeam();
    vi.spyOn(asyncInvoker(), 'invoke').mockRejectedValueOnce(
      Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }),
    );
    const error = await requestAuditExport(t.teamId, {}, t.actor).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 503, headers: { 'Retry-After': '5' } });
    const [requested] = await listed(t.teamId, { module: 'audit', action: 'export_requested' });
    const view = await getAuditExportView(t.teamId, requested!.targetId);
    expect(view).toMatchObject({ status: 'failed', reason: expect.stringMatching(/could not be started/) });
    expect((await listed(t.teamId, { module: 'audit' })).map((e) => e.action)).toEqual(['export_failed', 'export_requested']);
  });
});

describe('CSV content', () => {
  it('equals the filtered list: order, every column, commas, quotes, newlines, unicode; formulas escaped', async () => {
    const t = await newTeam();
    const bot = await createBot(
      t.teamId,
      { name: 'Café "Señor", 🚀 ünïcødé', description: 'line one\nline two, with "quotes"\r\nand CRLF' },
      t.actor,
    );
    await updateBot(t.teamId, bot.id, { description: '日本語のテキスト, "引用"' }, other);
    const hostile = [
      { email: "=cmd|' /C calc'!A0@evil.test", targetId: '=HYPERLINK("http://evil.test","click")' },
      { email: 'plain@evil.test', targetId: '+14155550100' },
      { email: '@SUM(A1)@evil.test', targetId: '-2+3' },
      { email: 'tab@evil.test', targetId: '\t=1+1' },
    ];
    for (const h of hostile) {
      await transactWrite([
        auditPut(t.teamId, {
          actor: { email: h.email, role: 'admin' },
          module: 'bots',
          action: 'update',
          botId: bot.id,
          targetId: h.targetId,
          changes: { name: { before: '=1+1', after: '@x' } },
        }),
      ]);
    }

    const { job, view } = await exportOf(t);
    expect(view).toMatchObject({
      exportId: job.id,
      status: 'succeeded',
      requestedBy: t.actor.email,
      downloadUrl: expect.any(String),
      expiresAt: expect.any(String),
    });
    const { rows, raw, headers } = await download(view.downloadUrl!);

    const expected = await listed(t.teamId, job.filters);
    expect(expected.length).toBe(9); // team + owner, bot create/update, 4 hostile, the export request itself
    expect(rows).toEqual(expected.map(asRow));
    expect(view.rowCount).toBe(expected.length);

    // the bytes themselves: BOM, CRLF records, RFC 4180 quoting of the multi-line, quoted, unicode cell
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(raw.toString('utf8', 3, 3 + CSV_COLUMNS.join(',').length + 2)).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(raw.toString('utf8')).toContain('line one\\nline two, with \\""quotes\\""');
    expect(rows.find((r) => r.action === 'create' && r.module === 'bots')!.changes).toContain('Café \\"Señor\\", 🚀 ünïcødé');
    expect(headers.get('content-disposition')).toBe(`attachment; filename="audit-log-${job.id}.csv"`);

    // every hostile cell starts with the quote that keeps a spreadsheet from evaluating it
    const byTarget = new Map(rows.map((r) => [r.target_id, r]));
    expect(byTarget.get(`'=HYPERLINK("http://evil.test","click")`)!.actor_email).toBe("'=cmd|' /C calc'!A0@evil.test");
    expect(byTarget.has(`'+14155550100`)).toBe(true);
    expect(byTarget.get(`'-2+3`)!.actor_email).toBe("'@SUM(A1)@evil.test");
    expect(byTarget.has(`'\t=1+1`)).toBe(true);
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("never contains another team's events", async () => {
    const a = await newTeam();
    const marker = `secret-${Date.now()}`;
    const bot = await createBot(a.teamId, { name: marker }, a.actor);
    const b = await newTeam();
    await createBot(b.teamId, { name: 'ours' }, b.actor);

    for (const filters of [{}, { botId: bot.id }, { module: 'bots' }, { actorEmail: a.actor.email }] as AuditFilters[]) {
      const { view } = await exportOf(b, filters);
      const { rows, raw } = await download(view.downloadUrl!);
      expect(raw.toString('utf8')).not.toContain(marker);
      expect(raw.toString('utf8')).not.toContain(a.teamId);
      expect(rows.every((r) => r.bot_id !== bot.id)).toBe(true);
      if (filters.botId || filters.actorEmail) expect(rows).toEqual([]);
    }
  });
});

describe('filters', () => {
  /** A fresh team: bots A (by the owner) and B (by another admin), then after `mid` an update, a member, a delete. */
  async function seed() {
    const t = await newTeam();
    const a = await createBot(t.teamId, { name: 'A' }, t.actor);
    const b = await createBot(t.teamId, { name: 'B' }, other);
    await tick();
    const mid = new Date().toISOString();
    await tick();
    await updateBot(t.teamId, a.id, { description: 'x' }, other);
    await createMember(t.teamId, 'm@example.test', 'member', t.actor);
    await deleteBot(t.teamId, b.id, t.actor);
    const label = (r: Row) => `${r.module}:${r.action}${r.target_id === a.id ? ':A' : r.target_id === b.id ? ':B' : ''}`;
    return { t, a, b, mid, label };
  }

  const cases: [string, (s: Awaited<ReturnType<typeof seed>>) => AuditFilters, string[]][] = [
    ['module', () => ({ module: 'bots' }), ['bots:delete:B', 'bots:update:A', 'bots:create:B', 'bots:create:A']],
    ['actor (any case)', () => ({ actorEmail: 'SECOND@example.test' }), ['bots:update:A', 'bots:create:B']],
    ['bot', (s) => ({ botId: s.a.id }), ['bots:update:A', 'bots:create:A']],
    ['action', () => ({ action: 'delete' }), ['bots:delete:B']],
    ['module + action', () => ({ module: 'bots', action: 'create' }), ['bots:create:B', 'bots:create:A']],
    ['bot + actor', (s) => ({ botId: s.a.id, actorEmail: other.email }), ['bots:update:A']],
    ['date range from', (s) => ({ from: s.mid }), ['audit:export_requested', 'bots:delete:B', 'members:create', 'bots:update:A']],
    ['date range to', (s) => ({ to: s.mid }), ['bots:create:B', 'bots:create:A', 'members:create', 'team:create']],
    ['date range + module', (s) => ({ from: s.mid, module: 'bots' }), ['bots:delete:B', 'bots:update:A']],
  ];

  it.each(cases)('by %s: the CSV holds exactly the matching events, like the list', async (_name, filtersOf, expected) => {
    const s = await seed();
    const { job, view } = await exportOf(s.t, filtersOf(s));
    expect(view.status).toBe('succeeded');
    const { rows } = await download(view.downloadUrl!);
    // as sets here (events of one transaction share a timestamp); the order is the list's, checked next
    expect(rows.map(s.label).sort()).toEqual([...expected].sort());
    expect(rows).toEqual((await listed(s.t.teamId, job.filters)).map(asRow));
    expect(rows.map((r) => r.timestamp)).toEqual(
      rows
        .map((r) => r.timestamp)
        .sort()
        .reverse(),
    );
  });

  it('refuses nothing silently: a future `to` is capped at the request time, so the file is a snapshot', async () => {
    const s = await seed();
    const before = Date.now();
    const { job, view } = await exportOf(s.t, { to: '2999-01-01T00:00:00Z' });
    expect(Date.parse(job.filters.to)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(job.filters.to)).toBeLessThanOrEqual(Date.now());
    const { rows } = await download(view.downloadUrl!);
    // its own start and success events come after the snapshot
    expect(rows.map(s.label)).not.toContain('audit:export_started');
    expect(rows[0]!.action).toBe('export_requested');
  });
});

describe('failures', () => {
  it('a failing upload part aborts the multipart upload: no object, export failed with a reason', async () => {
    const t = await bigTeam();
    s3mock = mockClient(s3());
    s3mock.send.callThrough();
    s3mock.on(UploadPartCommand, { PartNumber: 2 }).rejects(Object.assign(new Error('injected'), { name: 'InternalError' }));
    // s3rver does not implement AbortMultipartUpload (405): the mock answers for it, and records that it was sent.
    s3mock.on(AbortMultipartUploadCommand).resolves({});

    const { job, view } = await exportOf(t);
    expect(view).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^Writing the file to storage failed after \d+ rows \(InternalError\)/),
    });
    expect(view.downloadUrl).toBeUndefined();
    expect(s3mock.commandCalls(UploadPartCommand).map((c) => c.args[0].input.PartNumber)).toEqual([1, 2]);
    const aborts = s3mock.commandCalls(AbortMultipartUploadCommand);
    expect(aborts).toHaveLength(1);
    expect(aborts[0]!.args[0].input).toMatchObject({
      Bucket: exportBucket(),
      Key: exportObjectKey(t.teamId, job.id),
      UploadId: expect.any(String),
    });
    expect(s3mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    expect(await objectExists(exportObjectKey(t.teamId, job.id))).toBe(false);
    expect((await listed(t.teamId, { module: 'audit' })).map((e) => e.action)).toEqual([
      'export_failed',
      'export_started',
      'export_requested',
    ]);
  });

  it('a failing single-part upload (small export) leaves no object either', async () => {
    const t = await newTeam();
    s3mock = mockClient(s3());
    s3mock.send.callThrough();
    s3mock.on(PutObjectCommand).rejects(Object.assign(new Error('injected'), { name: 'SlowDown' }));
    const { job, view } = await exportOf(t);
    expect(view).toMatchObject({ status: 'failed', reason: expect.stringContaining('(SlowDown)') });
    expect(await objectExists(exportObjectKey(t.teamId, job.id))).toBe(false);
  });

  it('a multi-part export succeeds, with progress visible while it runs', async () => {
    const t = await bigTeam();
    s3mock = mockClient(s3());
    s3mock.send.callThrough();
    // Slow storage: the first part takes 1.5 s, long enough to watch the export running.
    s3mock.on(UploadPartCommand, { PartNumber: 1 }).callsFake(async (input, getClient) => {
      await new Promise((r) => setTimeout(r, 1500));
      return Object.getPrototypeOf(getClient()).send.call(getClient(), new UploadPartCommand(input));
    });
    const job = await requestAuditExport(t.teamId, {}, t.actor);
    const seen: { status: string; rowCount: number }[] = [];
    let view = await getAuditExportView(t.teamId, job.id);
    while (view.status === 'queued' || view.status === 'running') {
      seen.push({ status: view.status, rowCount: view.rowCount });
      await new Promise((r) => setTimeout(r, 50));
      view = await getAuditExportView(t.teamId, job.id);
    }
    expect(view).toMatchObject({ status: 'succeeded', rowCount: BIG_EVENTS + 3 });
    expect(seen.some((s) => s.status === 'running' && s.rowCount > 0)).toBe(true);
    const counts = seen.map((s) => s.rowCount);
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    expect(s3mock.commandCalls(UploadPartCommand)).toHaveLength(2);

    const { rows } = await download(view.downloadUrl!);
    expect(rows).toHaveLength(BIG_EVENTS + 3);
    expect(rows.filter((r) => r.target_id.startsWith('big-')).map((r) => r.target_id)).toEqual(
      Array.from({ length: BIG_EVENTS }, (_, i) => `big-${BIG_EVENTS - 1 - i}`),
    );
    expect(view.bytes).toBe(
      Number((await s3().send(new HeadObjectCommand({ Bucket: exportBucket(), Key: exportObjectKey(t.teamId, job.id) }))).ContentLength),
    );
  });

  it('a run past its deadline stops, leaves no object and says why', async () => {
    const t = await newTeam();
    const late = await requestAuditExportWithoutRun(t);
    const outcome = await runAuditExport(t.teamId, late.id, { deadline: Date.now() - 1 });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringMatching(/ran out of time/) });
    expect(await objectExists(exportObjectKey(t.teamId, late.id))).toBe(false);
    expect((await getAuditExportView(t.teamId, late.id)).status).toBe('failed');
  });
});

/** A queued export whose asynchronous start is swallowed, so the test runs the exporter itself. */
async function requestAuditExportWithoutRun(t: Team): Promise<StoredAuditExport> {
  registerLocalTarget(EXPORTER_TARGET, async () => undefined);
  try {
    return await requestAuditExport(t.teamId, {}, t.actor);
  } finally {
    registerLocalTarget(EXPORTER_TARGET, (payload) => exporter(payload));
  }
}

describe('job state', () => {
  it('runs an export once: a second delivery of the same invocation is skipped', async () => {
    const t = await newTeam();
    const job = await requestAuditExportWithoutRun(t);
    const [first, second] = await Promise.all([
      exporter({ teamId: t.teamId, exportId: job.id }),
      exporter({ teamId: t.teamId, exportId: job.id }),
    ]);
    expect([first.status, second.status].sort()).toEqual(['skipped', 'succeeded']);
    expect(await exporter({ teamId: t.teamId, exportId: job.id })).toEqual({ status: 'skipped' });
    expect(await listed(t.teamId, { module: 'audit', action: 'export_started' })).toHaveLength(1);
  });

  it('stops a run whose export another run took over (its progress write is refused), leaving no object', async () => {
    const t = await newTeam();
    const job = await requestAuditExportWithoutRun(t);
    const event: AuditEvent = {
      id: 'E',
      at: new Date().toISOString(),
      actorEmail: 'a@b.test',
      actorRole: 'admin',
      module: 'bots',
      action: 'update',
      targetId: 'x',
      changes: {},
    };
    async function* slow() {
      yield [event];
      await new Promise((r) => setTimeout(r, 1000));
      yield [event];
    }
    const run = runAuditExport(t.teamId, job.id, { progressEveryMs: 50, source: slow });
    await new Promise((r) => setTimeout(r, 300));
    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: auditExportKey(t.teamId, job.id),
        UpdateExpression: 'SET attempt = :a',
        ExpressionAttributeValues: { ':a': 7 },
      }),
    );
    expect(await run).toEqual({ status: 'skipped' });
    expect(await objectExists(exportObjectKey(t.teamId, job.id))).toBe(false);
    expect(await getAuditExportView(t.teamId, job.id)).toMatchObject({ status: 'running' });
    expect((await listed(t.teamId, { module: 'audit' })).map((e) => e.action)).toEqual(['export_started', 'export_requested']);
  });

  it('drops a malformed event and an unknown or foreign export id', async () => {
    const t = await newTeam();
    const u = await newTeam();
    const job = await requestAuditExportWithoutRun(t);
    expect(await exporter({ nope: true })).toEqual({ status: 'skipped' });
    expect(await exporter({ teamId: u.teamId, exportId: job.id })).toEqual({ status: 'skipped' });
    await expect(getAuditExportView(u.teamId, job.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(getAuditExportView(t.teamId, 'not-an-id')).rejects.toMatchObject({ statusCode: 404 });
    expect((await getAuditExportView(t.teamId, job.id)).status).toBe('queued');
  });

  it('reads a run that stopped reporting as failed, and never revives it', async () => {
    const t = await newTeam();
    const job = await requestAuditExportWithoutRun(t);
    const claimed = await claimExport(t.teamId, job.id);
    expect(claimed).toMatchObject({ status: 'running', attempt: 1 });
    expect(await claimExport(t.teamId, job.id)).toBeUndefined(); // alive: not taken twice
    // its heartbeat goes silent: 2 minutes -> a retry may take it over; 6 minutes -> reported failed
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const silence = (ms: number) =>
      doc.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: auditExportKey(t.teamId, job.id),
          UpdateExpression: 'SET heartbeatAt = :h',
          ExpressionAttributeValues: { ':h': ago(ms) },
        }),
      );
    await silence(2 * 60_000);
    expect((await getAuditExportView(t.teamId, job.id)).status).toBe('running');
    expect(await claimExport(t.teamId, job.id)).toMatchObject({ attempt: 2 });
    await silence(6 * 60_000);
    expect(await getAuditExportView(t.teamId, job.id)).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/stopped without finishing/),
    });
    expect(await claimExport(t.teamId, job.id)).toBeUndefined();
  });

  it('gives a download link valid 15 minutes, re-signed on each read, and forgets exports after 7 days', async () => {
    const t = await newTeam();
    const { job, view } = await exportOf(t);
    const expires = Date.parse(view.expiresAt!);
    expect(expires - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(new URL(view.downloadUrl!).searchParams.get('X-Amz-Expires')).toBe('900');
    const object = await s3().send(new GetObjectCommand({ Bucket: exportBucket(), Key: exportObjectKey(t.teamId, job.id) }));
    expect(object.ContentType).toBe('text/csv; charset=utf-8');
    await expect(getAuditExportView(t.teamId, job.id, Date.now() + 8 * 24 * 3600_000)).rejects.toMatchObject({ statusCode: 404 });
  });
});
