/**
 * One connector health-check run over 2,000 connectors. Budget: wall time < 30 s; reported with the
 * peak RSS of this process and the DynamoDB requests per connector checked.
 *
 * Setup (not measured): an in-memory DynamoDB Local, one team with 20 bots and 2,000 running connectors
 * written straight into the table with the domain's own item builder, and the health endpoints in a child
 * process on loopback (so their CPU and memory are not counted here): 90% answer 200, 10% never answer, so
 * each of those probes runs into the spec's 5 s timeout. Then `runHealthCheck()` runs exactly as the Lambda
 * does (default 5 s timeout, default concurrency), twice:
 *
 * 1. steady state: every connector `online` (each result is one conditional Put; the hanging ones count a
 *    first failure and stay online);
 * 2. after a mass restart: every connector `starting` (each healthy one changes status: one TransactWriteItems
 *    with its audit event and history entry, plus one GetItem per bot for its data generation).
 *
 * Every command the shared DynamoDB client sends during a run is counted (bench/support/dynamo-counter.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import type { BenchContext, BenchSection } from './support/context.js';
import { attachDynamoCounter, type CommandRecord } from './support/dynamo-counter.js';
import { markdownTable } from './support/markdown.js';

const CONNECTORS = 2_000;
const BOTS = 20;
const HANGING_SHARE = 0.1;
const BUDGET_MS = 30_000;

export const healthCheckBench: BenchSection = {
  name: 'health-check',
  title: 'Connector health check: one run over 2,000 connectors',
  run,
};

/** A loopback HTTP server in a child process: `/hang/...` never answers, anything else answers 200. */
const ENDPOINT_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => { if (req.url.startsWith('/hang')) return; res.writeHead(200).end('ok'); });
server.maxConnections = 10000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function run(ctx: BenchContext): Promise<string> {
  await ctx.dynamo();
  const endpoints = spawn(process.execPath, ['-e', ENDPOINT_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [chunk] = (await once(endpoints.stdout!, 'data')) as [Buffer];
    const base = `http://127.0.0.1:${Number(chunk.toString().trim())}`;
    const seeded = await seed(base);
    const counter = await attachDynamoCounter();
    const { runHealthCheck, PROBE_TIMEOUT_MS, HEALTH_CHECK_CONCURRENCY } = await import('../shared/domain/connectors/health-check.js');
    try {
      const rows: string[][] = [];
      const notes: string[] = [];
      for (const scenario of ['online', 'starting'] as const) {
        await seeded.setAll(scenario);
        const rss = sampleRss();
        const cpu = process.cpuUsage();
        const { result: summary, commands } = await counter.measure(() => runHealthCheck());
        const used = process.cpuUsage(cpu);
        const peak = rss.stop();
        const perConnector = summary.checked ? commands.length / summary.checked : 0;
        rows.push([
          scenario === 'online' ? 'steady state (all online)' : 'after a mass restart (all starting)',
          String(summary.checked),
          `${summary.healthy} / ${summary.failed}`,
          String(summary.statusChanges),
          (summary.durationMs / 1000).toFixed(1),
          ((used.user + used.system) / 1e6).toFixed(1),
          mb(peak.peak),
          `+${mb(peak.peak - peak.before)}`,
          breakdown(commands),
          perConnector.toFixed(3),
          summary.durationMs < BUDGET_MS && summary.checked === CONNECTORS ? 'yes' : 'NO',
        ]);
        if (summary.skipped || summary.errors || summary.deferred)
          notes.push(`${scenario}: skipped ${summary.skipped}, errors ${summary.errors}, deferred ${summary.deferred}`);
      }
      return [
        `${CONNECTORS} connectors of ${BOTS} bots; ${Math.round(CONNECTORS * HANGING_SHARE)} (10%) hang past the ${PROBE_TIMEOUT_MS / 1000} s probe timeout; ${HEALTH_CHECK_CONCURRENCY} probes in flight; endpoints on loopback in a child process; DynamoDB Local in memory.`,
        '',
        markdownTable(
          [
            'Run',
            'Checked',
            'Healthy / failed',
            'Status changes',
            'Wall s',
            'CPU s',
            'Peak RSS MB',
            'RSS growth MB',
            'DynamoDB requests',
            'Requests / connector',
            `Within ${BUDGET_MS / 1000} s`,
          ],
          rows,
          ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'left'],
        ),
        '',
        `Lower bound of the wall time: ${Math.round(CONNECTORS * HANGING_SHARE)} hanging probes x ${PROBE_TIMEOUT_MS / 1000} s / ${HEALTH_CHECK_CONCURRENCY} slots = ${((CONNECTORS * HANGING_SHARE * PROBE_TIMEOUT_MS) / HEALTH_CHECK_CONCURRENCY / 1000).toFixed(0)} s.`,
        'CPU s: user + system time of this process during the run (the probes, the SDK, the health-check code; not DynamoDB Local, not the endpoints). With wall time far above CPU time plus the lower bound, the run waited on DynamoDB Local or on a busy machine.',
        'Peak RSS: the highest `process.memoryUsage().rss` sampled every 20 ms during the run (the whole bench process, its DynamoDB client included).',
        `Load average at the end: ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} on ${availableParallelism()} cores.`,
        ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
      ].join('\n');
    } finally {
      counter.detach();
    }
  } finally {
    await stop(endpoints);
  }
}

/** One team, `BOTS` bots, `CONNECTORS` connectors (10% pointing at `/hang`), written with BatchWriteItem. */
async function seed(base: string) {
  const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const { doc, tableName } = await import('../shared/db/client.js');
  const { createTeam } = await import('../shared/domain/team/members.js');
  const { createBot } = await import('../shared/domain/bots/bots.js');
  const { connectorItem } = await import('../shared/domain/connectors/store.js');
  const { ulid } = await import('ulid');
  type Stored = Parameters<typeof connectorItem>[0];

  const team = await createTeam('Health Bench', 'health-bench@example.com');
  const actor = { email: 'health-bench@example.com', role: 'super_admin' as const };
  const bots: { id: string }[] = [];
  for (let i = 0; i < BOTS; i++) bots.push(await createBot(team.teamId, { name: `Bench bot ${i}` }, actor));
  const now = new Date().toISOString();
  const connectors: Stored[] = Array.from({ length: CONNECTORS }, (_, i) => {
    const hang = i % Math.round(1 / HANGING_SHARE) === 0;
    return {
      id: ulid(),
      teamId: team.teamId,
      botId: bots[i % BOTS]!.id,
      name: `connector ${i}`,
      environment: 'production',
      healthCheckUrl: `${base}/${hang ? 'hang' : 'ok'}/${i}`,
      maxConcurrentConversations: 50,
      status: 'online',
      statusChangedAt: now,
      lastCheckAt: null,
      lastLatencyMs: null,
      consecutiveFailures: 0,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
  });
  const writeAll = async (items: Record<string, unknown>[]) => {
    for (let i = 0; i < items.length; i += 25) {
      let batch: unknown = { [tableName()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
      while (batch && Object.keys(batch as object).length) {
        const res = await doc.send(new BatchWriteCommand({ RequestItems: batch as never }));
        batch = res.UnprocessedItems;
      }
    }
  };
  return {
    /** Rewrites every connector with `status`, zero failures and a fresh version (as a restart would). */
    setAll: async (status: 'online' | 'starting') => {
      for (const c of connectors) Object.assign(c, { status, consecutiveFailures: 0, lastError: null, version: c.version + 10 });
      await writeAll(connectors.map((c) => connectorItem(c, '0')));
    },
  };
}

function sampleRss() {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return {
    stop: () => {
      clearInterval(timer);
      return { before, peak: Math.max(peak, process.memoryUsage.rss()) };
    },
  };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function breakdown(commands: CommandRecord[]): string {
  const counts = new Map<string, number>();
  for (const c of commands) counts.set(c.command, (counts.get(c.command) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = once(child, 'exit').then(() => undefined);
  child.kill('SIGTERM');
  return exited;
}
