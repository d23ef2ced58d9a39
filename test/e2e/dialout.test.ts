import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc } from '../../shared/db/client.js';
import { botKey } from '../../shared/db/keys.js';
import { adminCreateTeam, client, type Runtime, startRuntime } from '../support/runtime.js';

/**
 * What a CRM developer does, over HTTP against `npm start`'s runtime: read the Integration tab, run its three
 * snippets as printed, retry with an Idempotency-Key, hit the limits, and receive a signed post-call push.
 * The runtime runs with a dialout limit of 5/s, a 0.2 s push backoff base and a 1 s outbox relay.
 */
const run = promisify(execFile);
const RUNTIME_TABLE = 'botops';
let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;

beforeAll(async () => {
  rt = await startRuntime({
    env: { DIALOUT_RATE_LIMIT_PER_SECOND: '5', POST_CALL_PUSH_RETRY_BASE_SECONDS: '0.2', OUTBOX_RELAY_INTERVAL_SECONDS: '1' },
  });
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
});
afterAll(() => rt?.stop());

const PROMPTS = {
  customPrompt: 'You call {{crm.first_name}} {{crm.last_name}} about invoice {{crm.invoice_id}}.',
  openingMessage: "Hi {{crm.first_name}}, it's Acme billing.",
  reEngagement: { messages: ['Are you still there, {{crm.first_name}}?'] },
  analysisPrompt:
    'After the call: {{analysis.sentiment: enum(positive|neutral|negative) - caller mood}} {{analysis.promised_payment: boolean - promised to pay}}',
  qcPrompt: 'Was the invoice {{crm.invoice_id}} named? {{qc.named_invoice: boolean}}',
};
const CRM = { first_name: 'Ada', last_name: 'Lovelace', invoice_id: 'INV-7' };

async function newBot(extra: Record<string, unknown> = {}, as = api, teamPath = team) {
  const r = await as('POST', `${teamPath}/bots`, { name: 'Billing caller', ...PROMPTS, ...extra });
  expect(r.status).toBe(201);
  return r.json.id as string;
}
const eventsFile = () => join(rt.dataDir, 'events.jsonl');
const requestedEventsFor = (callIds: string[]) =>
  existsSync(eventsFile())
    ? readFileSync(eventsFile(), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((e) => e['detail-type'] === 'CallRequested' && callIds.includes(e.detail.callId))
    : [];

describe('integration tab', () => {
  it('lists the variables by namespace with examples from the prompts, and snippets that run as printed', async () => {
    const botId = await newBot();
    const r = await api('GET', `${team}/bots/${botId}/integration`);
    expect(r.status).toBe(200);
    const { variables, dialout, snippets } = r.json;
    expect(Object.keys(variables)).toEqual(['call', 'crm', 'result', 'analysis', 'qc', 'system']);
    expect(variables.crm.map((v: { name: string }) => v.name)).toEqual(['crm.first_name', 'crm.last_name', 'crm.invoice_id']);
    expect(variables.crm[0]).toMatchObject({
      usedIn: ['customPrompt', 'openingMessage', 'reEngagement.messages[0]'],
      example: expect.stringContaining('{{crm.first_name}}'),
      required: true,
    });
    expect(variables.crm[2].usedIn).toEqual(['customPrompt', 'qcPrompt']);
    expect(variables.analysis.map((v: { name: string; type: string }) => [v.name, v.type])).toEqual([
      ['analysis.sentiment', 'enum'],
      ['analysis.promised_payment', 'boolean'],
    ]);
    expect(variables.qc.map((v: { name: string }) => v.name)).toEqual(['qc.named_invoice']);
    expect(dialout).toMatchObject({ method: 'POST', url: `${rt.baseUrl}${team}/bots/${botId}/dialout` });

    const dir = rt.dataDir;
    writeFileSync(join(dir, 'dialout.sh'), snippets.curl);
    writeFileSync(join(dir, 'dialout.py'), snippets.python);
    writeFileSync(join(dir, 'dialout.js'), snippets.node);
    const env = { PATH: process.env.PATH!, HOME: process.env.HOME ?? dir, BOTOPS_API_KEY: rt.creds.apiKey };
    const outputs = [
      (await run('sh', [join(dir, 'dialout.sh')], { env })).stdout,
      (await run('python3', [join(dir, 'dialout.py')], { env })).stdout,
      (await run(process.execPath, [join(dir, 'dialout.js')], { env })).stdout,
    ];
    const callIds = outputs.map((out) => {
      expect(out).toMatch(/HTTP 202/);
      const json = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1));
      expect(json).toMatchObject({
        status: 'queued',
        botId,
        variables: { crm: { first_name: 'Ada', last_name: 'Lovelace', invoice_id: 'CRM-12345' } },
      });
      return json.callId as string;
    });
    expect(new Set(callIds).size).toBe(3);
    const listed = await api('GET', `${team}/bots/${botId}/calls`);
    expect(listed.json.items.map((c: { id: string }) => c.id)).toEqual([...callIds].reverse());
    expect(requestedEventsFor(callIds)).toHaveLength(3);

    // without a key the snippets stop with a message instead of calling
    const noKey = await run('sh', [join(dir, 'dialout.sh')], { env: { PATH: process.env.PATH! } }).catch((e: { stderr: string }) => e);
    expect((noKey as { stderr: string }).stderr).toContain('set BOTOPS_API_KEY');
  });
});

describe('dialout', () => {
  it('queues one call and one event for 10 concurrent requests with one Idempotency-Key; replays; refuses another body', async () => {
    const botId = await newBot();
    const body = { to: '+14155550123', variables: { crm: CRM } };
    const key = { 'Idempotency-Key': `crm-webhook-${Date.now()}` };
    const results = await Promise.all(Array.from({ length: 10 }, () => api('POST', `${team}/bots/${botId}/dialout`, body, key)));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.every((s) => s === 202 || s === 409),
      statuses.join(','),
    ).toBe(true);
    const accepted = results.filter((r) => r.status === 202).map((r) => r.json.callId);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(new Set(accepted).size).toBe(1);
    for (const r of results.filter((x) => x.status === 409)) expect(r.json.title).toBe('Request in progress');

    const replay = await api('POST', `${team}/bots/${botId}/dialout`, body, key);
    expect(replay.status).toBe(202);
    expect(replay.json.callId).toBe(accepted[0]);
    const other = await api('POST', `${team}/bots/${botId}/dialout`, { ...body, to: '+14155550124' }, key);
    expect(other.status).toBe(422);

    const calls = (await api('GET', `${team}/bots/${botId}/calls`)).json.items;
    expect(calls.map((c: { id: string }) => c.id)).toEqual([accepted[0]]);
    expect(requestedEventsFor([accepted[0]])).toHaveLength(1);
    const got = await api('GET', `${team}/calls/${accepted[0]}`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: accepted[0], status: 'queued', to: '+14155550123' });
  });

  it('answers 422 naming each missing crm variable, 400 for a bad number, 409 for a paused bot', async () => {
    const botId = await newBot();
    // The runtime allows 5 dialouts per team and second (checked before validation): start on a fresh window,
    // not in the second the previous test's burst used up.
    await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)));
    const missing = await api('POST', `${team}/bots/${botId}/dialout`, { to: '+14155550123', variables: { crm: { first_name: 'Ada' } } });
    expect(missing.status).toBe(422);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual(['variables.crm.last_name', 'variables.crm.invoice_id']);

    const bad = await api('POST', `${team}/bots/${botId}/dialout`, { to: '555-0123', variables: { crm: CRM } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('to');

    await doc.send(
      new UpdateCommand({
        TableName: RUNTIME_TABLE,
        Key: botKey(rt.creds.teamId, botId),
        UpdateExpression: 'SET active = :f',
        ExpressionAttributeValues: { ':f': false },
      }),
    );
    const paused = await api('POST', `${team}/bots/${botId}/dialout`, { to: '+14155550123', variables: { crm: CRM } });
    expect(paused.status).toBe(409);
    expect(paused.json.detail).toContain('paused');
    expect((await api('GET', `${team}/bots/${botId}/calls`)).json.items).toEqual([]);
  });

  it('limits each team to the configured dialouts per second: 429 with Retry-After', async () => {
    const other = await adminCreateTeam(rt.dataDir, 'Busy CRM', `busy-${Date.now()}@crm.test`);
    const busy = client(rt.baseUrl, other.apiKey);
    const path = `/api/teams/${other.teamId}`;
    const botId = await newBot(
      { customPrompt: 'No variables here.', openingMessage: null, reEngagement: { messages: [] }, analysisPrompt: null, qcPrompt: null },
      busy,
      path,
    );
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => busy('POST', `${path}/bots/${botId}/dialout`, { to: `+1415555${String(1000 + i)}` })),
    );
    const limited = results.filter((r) => r.status === 429);
    const accepted = results.filter((r) => r.status === 202);
    expect(limited.length + accepted.length).toBe(15);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    for (const r of limited) {
      expect(r.headers.get('retry-after')).toBe('1');
      expect(r.json.title).toBe('Too Many Requests');
    }
    expect((await busy('GET', `${path}/bots/${botId}/calls?limit=100`)).json.items).toHaveLength(accepted.length);
  });
});

describe('call outcome and post-call push', () => {
  type Hit = { headers: IncomingHttpHeaders; body: string };
  let receiver: Server;
  const hits: Hit[] = [];
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        hits.push({ headers: req.headers, body });
        res.writeHead(hits.length === 1 ? 500 : 200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it('moves the call forward, answers at once, then pushes the signed outcome (a 500 retried)', async () => {
    const rotated = await api('POST', `${team}/webhook-secret/rotate`);
    expect(rotated.status).toBe(200);
    const secret = rotated.json.secret as string;
    expect(secret).toMatch(/^whsec_/);
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/botops`;
    const botId = await newBot({ postCallPush: { url } });
    const callId = (await api('POST', `${team}/bots/${botId}/dialout`, { to: '+14155550123', variables: { crm: CRM } })).json.callId;
    const event = (body: unknown) => api('POST', `${team}/calls/${callId}/events`, body);

    expect((await event({ type: 'ringing' })).json.status).toBe('ringing');
    expect((await event({ type: 'in_progress' })).status).toBe(200);
    const back = await event({ type: 'ringing' });
    expect(back.status).toBe(409);
    const invalid = await event({ type: 'completed', analysis: { sentiment: 'meh' }, qc: { named_invoice: 1 } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.map((e: { path: string }) => e.path)).toEqual(['analysis.sentiment', 'qc.named_invoice']);

    const started = Date.now();
    const done = await event({
      type: 'completed',
      result: { durationSeconds: 95, endedReason: 'customer_hangup', answeredBy: 'human' },
      analysis: { sentiment: 'positive', promised_payment: true },
      qc: { named_invoice: true },
    });
    expect(done.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000); // the push (a 500 first) is not waited for
    expect(done.json.push).toMatchObject({ status: 'pending', url });

    let call: any;
    for (let i = 0; i < 100; i++) {
      call = (await api('GET', `${team}/calls/${callId}`)).json;
      if (call.push.status === 'delivered' || call.push.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(call.push.status).toBe('delivered');
    expect(call.push.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    expect(hits).toHaveLength(2);
    const last = hits[1]!;
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(last.headers['botops-signature'] as string)!;
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${last.body}`).digest('hex'));
    expect(JSON.parse(last.body)).toMatchObject({
      type: 'call.completed',
      crm: CRM,
      result: { status: 'completed', durationSeconds: 95, endedReason: 'customer_hangup', answeredBy: 'human' },
      analysis: { sentiment: 'positive', promised_payment: true },
      qc: { named_invoice: true },
      system: { callId, botId },
    });
  });

  it("keeps calls and the secret to their team and role: 404 for another team's call, 403 for a member rotating", async () => {
    const botId = await newBot();
    const callId = (await api('POST', `${team}/bots/${botId}/dialout`, { to: '+14155550123', variables: { crm: CRM } })).json.callId;
    const other = await adminCreateTeam(rt.dataDir, 'Other', `other-${Date.now()}@crm.test`);
    const them = client(rt.baseUrl, other.apiKey);
    expect((await them('GET', `/api/teams/${other.teamId}/calls/${callId}`)).status).toBe(404);
    expect((await them('POST', `/api/teams/${other.teamId}/calls/${callId}/events`, { type: 'ringing' })).status).toBe(404);
    expect((await them('GET', `${team}/calls/${callId}`)).status).toBe(404);

    const member = await api('POST', `${team}/members`, { email: `member-${Date.now()}@crm.test`, role: 'member' });
    const key = await api('POST', `${team}/api-keys`, { name: 'member', memberId: member.json.id });
    const asMember = client(rt.baseUrl, key.json.key);
    expect((await asMember('POST', `${team}/webhook-secret/rotate`)).status).toBe(403);
    expect((await asMember('POST', `${team}/bots/${botId}/dialout`, { to: '+14155550123', variables: { crm: CRM } })).status).toBe(202);
    expect((await asMember('GET', `${team}/bots/${botId}/integration`)).status).toBe(200);
  });
});
