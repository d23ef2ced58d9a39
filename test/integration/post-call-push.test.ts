import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { type IncomingHttpHeaders, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../shared/audit/queries.js';
import { doc, tableName } from '../../shared/db/client.js';
import { botKey } from '../../shared/db/keys.js';
import { createBot } from '../../shared/domain/bots/bots.js';
import { dialout } from '../../shared/domain/calls/dialout.js';
import { reportCallEvent } from '../../shared/domain/calls/call-events.js';
import { getCall } from '../../shared/domain/calls/store.js';
import { MAX_PUSH_ATTEMPTS, PUSH_QUEUE, deliverPostCallPush, parsePushMessage } from '../../shared/domain/calls/push.js';
import { rotateSigningSecret } from '../../shared/domain/webhooks/signing-secret.js';
import { drainLocalQueues, registerLocalConsumer } from '../../infra/local/adapters/work-queue.js';
import { newTeam } from '../support/factory.js';
import { resetConfig } from '../../shared/config.js';

/**
 * The push worker against DynamoDB Local and a receiver on loopback (allowed in local mode), with retries on the
 * local work queue and a short backoff base. The receiver answers from a per-path script of status codes.
 */
type Received = { path: string; headers: IncomingHttpHeaders; body: string };
let server: Server;
let base: string;
const received: Received[] = [];
const scripts = new Map<string, number[]>();
let stopConsumer: () => void;

beforeAll(async () => {
  process.env.LOCAL_DATA_DIR = mkdtempSync(join(tmpdir(), 'botops-push-'));
  process.env.POST_CALL_PUSH_RETRY_BASE_SECONDS = '0.05';
  resetConfig();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ path: req.url!, headers: req.headers, body });
      const script = scripts.get(req.url!) ?? [200];
      res.writeHead(script.length > 1 ? script.shift()! : script[0]!).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stopConsumer = registerLocalConsumer(PUSH_QUEUE, async (m) => deliverPostCallPush(parsePushMessage(m)!));
});
afterAll(async () => {
  stopConsumer();
  delete process.env.POST_CALL_PUSH_RETRY_BASE_SECONDS;
  resetConfig();
  await new Promise<void>((r) => server.close(() => r()));
});

/** A completed call of a bot pushing to `path` on the receiver; `script` = the receiver's answers in order. */
async function completedCall(path: string, script: number[]) {
  const t = await newTeam();
  scripts.set(path, script);
  const bot = await createBot(
    t.teamId,
    {
      name: 'Pusher',
      analysisPrompt: '{{analysis.sentiment: enum(positive|negative)}}',
      postCallPush: { url: `${base}${path}`, enabled: true },
    },
    t.actor,
  );
  const call = await dialout(t.teamId, bot.id, { to: '+14155550123', variables: { crm: { plan: 'gold' } } }, t.actor);
  await reportCallEvent(t.teamId, call.id, { type: 'in_progress' }, t.actor);
  const done = await reportCallEvent(
    t.teamId,
    call.id,
    { type: 'completed', result: { durationSeconds: 42, endedReason: 'bot_hangup' }, analysis: { sentiment: 'positive' } },
    t.actor,
  );
  expect(done.push).toMatchObject({ status: 'pending', attempts: [] });
  return { t, bot, call };
}

/** Verifies a `Botops-Signature` header the way a CRM would (Stripe's recipe). */
function verify(header: string, body: string, secret: string): boolean {
  const parts = header.split(',').map((p) => p.split('=') as [string, string]);
  const t = parts.find(([k]) => k === 't')?.[1];
  if (!t || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts
    .filter(([k]) => k === 'v1')
    .some(([, v]) => {
      const got = Buffer.from(v, 'hex');
      return got.length === expected.length && timingSafeEqual(got, expected);
    });
}

describe('post-call push', () => {
  it('signs the result, analysis and qc values; retries a 500 with backoff, then succeeds; records every attempt', async () => {
    const { t, bot, call } = await completedCall('/retry-then-ok', [500, 200]);
    const { secret } = await rotateSigningSecret(t.teamId, t.actor);
    expect(await deliverPostCallPush({ teamId: t.teamId, callId: call.id, attempt: 1 })).toBe('retry-queued');
    await drainLocalQueues();

    const hits = received.filter((r) => r.path === '/retry-then-ok');
    expect(hits).toHaveLength(2);
    for (const h of hits) {
      expect(verify(h.headers['botops-signature'] as string, h.body, secret)).toBe(true);
      expect(verify(h.headers['botops-signature'] as string, h.body, 'whsec_wrong')).toBe(false);
      expect(h.headers['botops-event-id']).toBe(`push:${call.id}`);
    }
    expect(hits.map((h) => h.headers['botops-delivery-attempt'])).toEqual(['1', '2']);
    expect(JSON.parse(hits[1]!.body)).toMatchObject({
      type: 'call.completed',
      crm: { plan: 'gold' },
      result: { status: 'completed', durationSeconds: 42, endedReason: 'bot_hangup' },
      analysis: { sentiment: 'positive' },
      qc: {},
      system: { callId: call.id, botId: bot.id, teamId: t.teamId },
    });

    const after = await getCall(t.teamId, call.id);
    expect(after.push).toMatchObject({
      status: 'delivered',
      nextAttemptAt: null,
      attempts: [
        { attempt: 1, statusCode: 500, error: 'HTTP 500' },
        { attempt: 2, statusCode: 200, error: null },
      ],
    });
    const gap = Date.parse(after.push!.attempts[1]!.at) - Date.parse(after.push!.attempts[0]!.at);
    expect(gap).toBeGreaterThanOrEqual(25); // at least half of the 50 ms base: the backoff happened
    const audit = (await listAuditEvents(t.teamId, { module: 'webhooks', action: 'push_attempt' }, 10, undefined)).items;
    expect(audit.map((a) => a.actorEmail)).toEqual(['system:post-call-push', 'system:post-call-push']);
    expect(JSON.stringify(audit)).not.toContain(secret);

    // a redelivered message for an attempt already made sends nothing
    expect(await deliverPostCallPush({ teamId: t.teamId, callId: call.id, attempt: 2 })).toBe('skipped');
    expect(received.filter((r) => r.path === '/retry-then-ok')).toHaveLength(2);
  });

  it('gives up after the last retry with all attempts recorded', async () => {
    const { t, call } = await completedCall('/always-500', [500]);
    await deliverPostCallPush({ teamId: t.teamId, callId: call.id, attempt: 1 });
    await drainLocalQueues();
    expect(received.filter((r) => r.path === '/always-500')).toHaveLength(MAX_PUSH_ATTEMPTS);
    const push = (await getCall(t.teamId, call.id)).push!;
    expect(push.status).toBe('failed');
    expect(push.attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
      [4, 500],
    ]);
    const at = push.attempts.map((a) => Date.parse(a.at));
    // exponential: each wait at least half of base * 2^(n-1) = 25, 50, 100 ms
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(25);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(50);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(100);
  });

  it('refuses http://169.254.169.254/ outside local mode: no request, one attempt recorded, no retry', async () => {
    const { t, bot, call } = await completedCall('/unused', [200]);
    // a URL that could never be saved through the API (validation refuses it); written directly
    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: botKey(t.teamId, bot.id),
        UpdateExpression: 'SET postCallPush = :p',
        ExpressionAttributeValues: { ':p': { url: 'http://169.254.169.254/latest/meta-data/', enabled: true } },
      }),
    );
    expect(await deliverPostCallPush({ teamId: t.teamId, callId: call.id, attempt: 1 }, { local: false })).toBe('failed');
    await drainLocalQueues();
    const push = (await getCall(t.teamId, call.id)).push!;
    expect(push).toMatchObject({ status: 'failed', url: 'http://169.254.169.254/latest/meta-data/' });
    expect(push.attempts).toHaveLength(1);
    expect(push.attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/^refused: /) });
  });

  it('refuses loopback outside local mode too, and cancels when the bot no longer pushes', async () => {
    const { t, call } = await completedCall('/loop', [200]);
    expect(await deliverPostCallPush({ teamId: t.teamId, callId: call.id, attempt: 1 }, { local: false })).toBe('failed');
    expect(received.filter((r) => r.path === '/loop')).toHaveLength(0);

    const second = await completedCall('/cancelled', [200]);
    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: botKey(second.t.teamId, second.bot.id),
        UpdateExpression: 'SET postCallPush = :p',
        ExpressionAttributeValues: { ':p': null },
      }),
    );
    expect(await deliverPostCallPush({ teamId: second.t.teamId, callId: second.call.id, attempt: 1 })).toBe('skipped');
    expect((await getCall(second.t.teamId, second.call.id)).push).toMatchObject({ status: 'cancelled', attempts: [] });
  });

  it('rotates the signing secret: audited without the secret, the previous one still signs during the grace period', async () => {
    const { t, call } = await completedCall('/rotated', [200]);
    const first = await rotateSigningSecret(t.teamId, t.actor);
    const second = await rotateSigningSecret(t.teamId, t.actor);
    expect(second.secret).not.toBe(first.secret);
    expect(Date.parse(second.previousSecretValidUntil!)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    await deliverPostCallPush({ teamId: t.teamId, callId: call.id, attempt: 1 });
    const hit = received.find((r) => r.path === '/rotated')!;
    const header = hit.headers['botops-signature'] as string;
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verify(header, hit.body, second.secret)).toBe(true);
    expect(verify(header, hit.body, first.secret)).toBe(true);
    const audit = (await listAuditEvents(t.teamId, { module: 'webhooks', action: 'rotate_secret' }, 10, undefined)).items;
    expect(audit.map((a) => a.changes.secretVersion)).toEqual([
      { before: 1, after: 2 },
      { before: null, after: 1 },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/whsec_/);
  });
});
