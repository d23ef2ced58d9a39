/**
 * Dialout: requests per second and p50/p99 latency of `POST .../bots/{botId}/dialout` on the local
 * runtime at concurrency 1 and 16, the DynamoDB requests one dialout makes, and the dialout function's bundle.
 *
 * Serves the route table in-process with the local runtime's HTTP server (`createLocalApi`: the same authorizer
 * and handler modules the stack deploys) on a loopback port, against the bench's in-memory DynamoDB Local.
 * Each level sends a bounded number of requests (no time-based loop), every one a distinct accepted call with
 * three crm variables; the rate limit is raised so it never refuses (its UpdateItem still runs, as on AWS).
 * Locally the event goes to the events file instead of EventBridge, so the PutEvents round trip of AWS
 * (typically 10-30 ms) is not in these latencies.
 */
import { bundle } from './bundle-size.js';
import type { BenchContext, BenchSection } from './support/context.js';
import { type CommandRecord, attachDynamoCounter } from './support/dynamo-counter.js';
import { kb, markdownTable } from './support/markdown.js';
import { serveLocalApi } from './support/local-api.js';
import { resetConfig } from '../shared/config.js';

const LEVELS = [
  { concurrency: 1, requests: 150 },
  { concurrency: 16, requests: 480 },
] as const;
const WARMUP = 20;

export const dialoutBench: BenchSection = { name: 'dialout', title: 'Dialout throughput, latency, DynamoDB requests, bundle', run };

async function run(ctx: BenchContext): Promise<string> {
  await ctx.dynamo();
  process.env.DIALOUT_RATE_LIMIT_PER_SECOND = '1000000';
  resetConfig();
  const counter = await attachDynamoCounter();
  const { createTeam } = await import('../shared/domain/team/members.js');
  const api = await serveLocalApi(counter);
  const { port } = api;
  try {
    const team = await createTeam('Bench Dialout', 'bench-dialout@example.com');
    // Calls are never ended here: a ceiling above every dialout sent keeps each one queued (none waits for a slot).
    const { updateTeamSettings } = await import('../shared/domain/team/settings.js');
    await updateTeamSettings(team.teamId, 1000, { email: team.email, role: 'super_admin' });
    const base = `http://127.0.0.1:${port}/api/teams/${team.teamId}`;
    const headers = { Authorization: `Bearer ${team.apiKey}`, 'Content-Type': 'application/json' };
    const botRes = await fetch(`${base}/bots`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Bench caller',
        customPrompt: 'Call {{crm.first_name}} {{crm.last_name}} about invoice {{crm.invoice_id}}.',
      }),
    });
    const botId = ((await botRes.json()) as { id: string }).id;
    let n = 0;
    const bodyOf = (i: number) =>
      JSON.stringify({
        to: `+1415${String(5_000_000 + (i % 4_000_000)).padStart(7, '0')}`,
        variables: { crm: { first_name: 'Ada', last_name: 'Lovelace', invoice_id: `INV-${i}` } },
      });
    const dial = async (extra: Record<string, string> = {}, body = bodyOf(n++)) => {
      const started = performance.now();
      const res = await fetch(`${base}/bots/${botId}/dialout`, { method: 'POST', headers: { ...headers, ...extra }, body });
      await res.arrayBuffer();
      if (res.status !== 202) throw new Error(`dialout answered ${res.status}`);
      return performance.now() - started;
    };

    for (let i = 0; i < WARMUP; i++) await dial();
    const plain = await counter.measure(() => dial());
    const key = { 'Idempotency-Key': `bench-${Date.now()}` };
    const keyedBody = bodyOf(n++);
    const keyed = await counter.measure(() => dial(key, keyedBody));
    const replay = await counter.measure(() => dial(key, keyedBody));

    const rows: string[][] = [];
    for (const level of LEVELS) {
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: level.concurrency }, async () => {
          while (next < level.requests) {
            next++;
            latencies.push(await dial());
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      rows.push([
        String(level.concurrency),
        String(latencies.length),
        (latencies.length / seconds).toFixed(1),
        pct(latencies, 0.5),
        pct(latencies, 0.99),
        latencies.at(-1)!.toFixed(1),
      ]);
    }

    const b = await bundle(ctx.root, 'calls/dialout');
    const workers = await Promise.all(['webhooks/post-call-push', 'events/outbox-relay'].map((fn) => bundle(ctx.root, fn)));
    return [
      markdownTable(['Concurrency', 'Requests', 'Requests/s', 'p50 ms', 'p99 ms', 'max ms'], rows, [
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
      ]),
      '',
      'DynamoDB requests per dialout (authorizer | handler):',
      '',
      markdownTable(
        ['Request', 'Authorizer', 'Handler', 'Total'],
        [
          ['dialout', breakdown(plain.commands, 'authorizer'), breakdown(plain.commands, 'handler'), String(plain.commands.length)],
          [
            'dialout + Idempotency-Key',
            breakdown(keyed.commands, 'authorizer'),
            breakdown(keyed.commands, 'handler'),
            String(keyed.commands.length),
          ],
          [
            'same key and body replayed (202, no new call)',
            breakdown(replay.commands, 'authorizer'),
            breakdown(replay.commands, 'handler'),
            String(replay.commands.length),
          ],
        ],
      ),
      '',
      'Handler: UpdateItem = per-team rate-limit counter; GetItem = the bot (BatchGetItem with the phone number when `from` is sent);',
      'TransactWriteItems = call + id pointer + outbox entry + audit event + bot condition; DeleteItem = the outbox entry once published.',
      '',
      `Bundle of functions/calls/dialout.ts: ${b.bytes} bytes (${kb(b.bytes)} KB), budget 250 KB (uses EventBridge besides DynamoDB): ${b.bytes <= 250_000 ? 'within' : 'OVER'}.`,
      `Workers outside the route table: ${workers.map((w) => `functions/${w.fn}.ts ${kb(w.bytes)} KB`).join(', ')} (budget 250 KB each: SQS / EventBridge).`,
    ].join('\n');
  } finally {
    api.close();
    counter.detach();
    delete process.env.DIALOUT_RATE_LIMIT_PER_SECOND;
    resetConfig();
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!.toFixed(1);

function breakdown(commands: CommandRecord[], phase: 'authorizer' | 'handler'): string {
  const counts = new Map<string, number>();
  for (const c of commands.filter((x) => x.phase === phase)) {
    const name = c.idempotency ? `${c.command} (idempotency)` : c.command;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts.size ? [...counts].map(([k, v]) => `${k} ${v}`).join(', ') : 'none';
}
