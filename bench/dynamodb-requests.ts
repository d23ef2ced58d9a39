/**
 * DynamoDB requests per API call. Budget: the authorizer 1 GetItem;
 * a read route 1 GetItem or 1 Query page; a mutation 1 TransactWriteItems (object + audit); no Scan anywhere on a
 * request path.
 *
 * Serves the route table with the local runtime (`createLocalApi`, same authorizer and handler modules as the
 * stack) against an in-memory DynamoDB Local, creates a team, then sends one realistic, successful request per
 * route over HTTP. Each route is warmed once (the first call imports its module, like a cold start) and the
 * second call is measured. Every command the shared DynamoDB client sends is counted and attributed to the
 * authorizer or the handler (see support/dynamo-counter.ts). Budget misses are reported, never fatal.
 */
import { randomUUID } from 'node:crypto';
import { ROUTES, type Operation } from '../functions/routes.js';
import type { RouteDef } from '../shared/http/route.js';
import type { BenchContext, BenchSection } from './support/context.js';
import { type CommandRecord, type DynamoCounter, attachDynamoCounter } from './support/dynamo-counter.js';
import { markdownTable } from './support/markdown.js';
import { serveLocalApi } from './support/local-api.js';

type Json = Record<string, unknown>;

/** One HTTP exchange and the DynamoDB commands it caused. */
type Exchange = { route: RouteDef; status: number; body: unknown; headers: Headers; commands: CommandRecord[] };
/** A measured row of the table: `label` is the operation, or the operation plus a variant. */
type Measured = Exchange & { label: string };

const READ_COMMANDS = new Set(['GetItem', 'Query', 'BatchGetItem']);

export const dynamodbRequests: BenchSection = {
  name: 'requests',
  title: 'DynamoDB requests per route',
  run,
};

async function run(ctx: BenchContext): Promise<string> {
  await ctx.dynamo();
  const counter = await attachDynamoCounter();
  const { createTeam } = await import('../shared/domain/team/members.js');
  // Reset and delete start the bot data purge, another Lambda on AWS, not part of the request: a no-op here.
  const { registerLocalTarget } = await import('../infra/local/adapters/async-invoke.js');
  const { BOT_DATA_PURGE_TARGET } = await import('../shared/domain/bots/purge.js');
  registerLocalTarget(BOT_DATA_PURGE_TARGET, async () => undefined);
  // Export requests start the exporter through the async-invoke port; here it only needs to accept.
  registerLocalTarget('audit-exporter', async () => undefined);

  const api = await serveLocalApi(counter);
  const { port } = api;
  try {
    const team = await createTeam('Bench Team', 'bench-owner@example.com');
    const client = new ApiClient(`http://127.0.0.1:${port}`, team.apiKey, team.teamId, counter);
    const { measured, firstAuthorized } = await exercise(client);
    return render(measured, firstAuthorized);
  } finally {
    api.close();
    counter.detach();
  }
}

/** Sends the scenario: warm-up calls are discarded, `keep` marks the measured ones. */
async function exercise(api: ApiClient): Promise<{ measured: Measured[]; firstAuthorized: Exchange }> {
  const measured: Measured[] = [];
  const keep = (e: Exchange, variant?: string): Exchange => {
    measured.push({ ...e, label: variant ? `${e.route.operation} + ${variant}` : e.route.operation });
    return e;
  };
  const twice = async (operation: Operation, opts: CallOptions = {}) => {
    const warm = await api.call(operation, opts);
    keep(await api.call(operation, opts));
    return warm;
  };

  await twice('health');
  await twice('openapi');
  // The key was just created: its first use also refreshes lastUsedAt (at most once a minute per key).
  const firstAuthorized = await twice('getTeam');

  const m1 = await api.call('createMember', { body: { email: 'warm-member@example.com', role: 'member' } });
  const m2 = keep(await api.call('createMember', { body: { email: 'bench-member@example.com', role: 'member' } }));
  await twice('listMembers');
  await api.call('updateMember', { params: { memberId: idOf(m1) }, body: { role: 'admin' } });
  keep(await api.call('updateMember', { params: { memberId: idOf(m2) }, body: { role: 'admin' } }));

  const k1 = await api.call('createApiKey', { body: { name: 'warm key' } });
  // A key held by m2, so removing m2 below also revokes a key (the realistic case).
  keep(await api.call('createApiKey', { body: { name: 'bench key', memberId: idOf(m2) } }));
  const k3 = await api.call('createApiKey', { body: { name: 'key to revoke' } });
  await twice('listApiKeys');
  await api.call('deleteApiKey', { params: { keyId: idOf(k1) } });
  keep(await api.call('deleteApiKey', { params: { keyId: idOf(k3) } }));

  const b1 = await api.call('createBot', { body: botBody('Warm bot') });
  const b2 = keep(await api.call('createBot', { body: botBody('Billing assistant') }));
  const idem = { body: botBody('Idempotent bot'), headers: { 'Idempotency-Key': randomUUID() } };
  const first = keep(await api.call('createBot', idem), 'Idempotency-Key');
  const replay = keep(await api.call('createBot', idem), 'Idempotency-Key (replay)');
  if (idOf(replay) !== idOf(first)) throw new Error('createBot replay with the same Idempotency-Key created another bot');
  await twice('listBots');
  await twice('getBot', { params: { botId: idOf(b1) } });
  const u1 = await api.call('updateBot', {
    params: { botId: idOf(b1) },
    body: { description: 'Warm update' },
    headers: { 'If-Match': etag(b1) },
  });
  keep(
    await api.call('updateBot', {
      params: { botId: idOf(b1) },
      body: { mode: 'suggestive', vad: { threshold: 0.6 } },
      headers: { 'If-Match': etag(u1) },
    }),
  );
  await api.call('deleteBot', { params: { botId: idOf(b1) } });
  keep(await api.call('deleteBot', { params: { botId: idOf(b2) } }));

  // Web widget: settings, key, and the public script, preflight and session of a browser on shop.example.com.
  const wb = { botId: idOf(await api.call('createBot', { body: botBody('Widget bot') })) };
  await twice('getWidget', { params: wb });
  await api.call('updateWidget', { params: wb, body: { enabled: true, allowedDomains: ['https://shop.example.com'] } });
  keep(await api.call('updateWidget', { params: wb, body: { allowedDomains: ['https://shop.example.com', '*.example.org'] } }));
  const widgetKey = (await twice('revealWidgetKey', { params: wb })).body as { apiKey: string };
  const browser = { Origin: 'https://shop.example.com' };
  await twice('widgetScript');
  await twice('preflightWidgetSession', { query: wb, headers: browser });
  await twice('createWidgetSession', { headers: { ...browser, 'X-Widget-Key': widgetKey.apiKey } });
  await twice('regenerateWidgetKey', { params: wb });
  // Integration tab, dialout and calls
  {
    const caller = await api.call('createBot', {
      body: {
        ...botBody('Caller'),
        customPrompt: 'Call {{crm.first_name}} about {{crm.invoice_id}}.',
        analysisPrompt: '{{analysis.sentiment: enum(positive|negative)}}',
      },
    });
    const botId = idOf(caller);
    const dial = { params: { botId }, body: { to: '+14155550123', variables: { crm: { first_name: 'Ada', invoice_id: 'INV-1' } } } };
    await twice('getBotIntegration', { params: { botId } });
    const c1 = await api.call('dialout', dial);
    const c2 = keep(await api.call('dialout', dial));
    const idemDial = { ...dial, headers: { 'Idempotency-Key': randomUUID() } };
    keep(await api.call('dialout', idemDial), 'Idempotency-Key');
    keep(await api.call('dialout', idemDial), 'Idempotency-Key (replay)');
    await twice('listBotCalls', { params: { botId } });
    const callId = (e: Exchange) => (e.body as { callId: string }).callId;
    await twice('getCall', { params: { callId: callId(c1) } });
    await api.call('reportCallEvent', { params: { callId: callId(c1) }, body: { type: 'ringing' } });
    keep(await api.call('reportCallEvent', { params: { callId: callId(c2) }, body: { type: 'ringing' } }));
    keep(
      await api.call('reportCallEvent', {
        params: { callId: callId(c2) },
        body: { type: 'completed', result: { durationSeconds: 30 }, analysis: { sentiment: 'positive' } },
      }),
      'completed',
    );
    await twice('rotateWebhookSecret');
  }
  // Connectors. The health-check URL is never called here: no health check runs in this bench.
  {
    const cBot = idOf(await api.call('createBot', { body: botBody('Connector bot') }));
    const connector = (name: string): CallOptions => ({
      params: { botId: cBot },
      body: { name, environment: 'production', healthCheckUrl: 'http://127.0.0.1:9/health' },
    });
    const c1 = idOf(await api.call('createConnector', connector('warm connector')));
    const c2 = idOf(keep(await api.call('createConnector', connector('primary'))));
    await twice('listConnectors', { query: { environment: 'production', status: 'stopped' } });
    await twice('getConnectorMetrics', { query: { environment: 'production' } });
    await twice('getConnector', { params: { connectorId: c2 } });
    await twice('getConnectorCapacity', { params: { botId: cBot }, query: { environment: 'production', concurrentConversations: '200' } });
    for (const [operation, body] of [
      ['updateConnector', { maxConcurrentConversations: 40 }],
      ['redeployConnector', { environment: 'staging' }],
      ['startConnector'],
      ['stopConnector'],
      ['restartConnector'],
    ] as const) {
      await api.call(operation, { params: { connectorId: c1 }, ...(body ? { body } : {}) });
      keep(await api.call(operation, { params: { connectorId: c2 }, ...(body ? { body } : {}) }));
    }
    await twice('bulkConnectorAction', { body: { action: 'restart', connectorIds: [c1, c2] } });
    await twice('listConnectorHistory', { params: { connectorId: c2 } });
    await api.call('bulkConnectorAction', { body: { action: 'stop', connectorIds: [c1, c2] } });
    await api.call('deleteConnector', { params: { connectorId: c1 } });
    keep(await api.call('deleteConnector', { params: { connectorId: c2 } }));
  }
  await exerciseBotLifecycle(api, keep, twice);
  // Contact bot status: locally a timer is a table item, so setting one adds a PutItem (a Scheduler call on AWS).
  const contactBot = idOf(await api.call('createBot', { body: { ...botBody('Contact bot'), maxMessagesPerContact: 5 } }));
  await twice('getContactBotStatus', { params: { botId: contactBot, contactId: 'crm-42' } });
  await api.call('putContactBotStatus', {
    params: { botId: contactBot, contactId: 'crm-41' },
    body: { status: 'inactive', reactivateAfter: 'PT1H' },
  });
  keep(
    await api.call('putContactBotStatus', {
      params: { botId: contactBot, contactId: 'crm-42' },
      body: { status: 'inactive', reactivateAfter: 'PT1H' },
    }),
  );
  await api.call('postContactMessage', { params: { botId: contactBot, contactId: 'crm-43' }, body: { sender: 'bot', text: 'Hello' } });
  keep(
    await api.call('postContactMessage', { params: { botId: contactBot, contactId: 'crm-44' }, body: { sender: 'bot', text: 'Hello' } }),
  );
  await twice('listContacts', { params: { botId: contactBot }, query: { status: 'inactive' } });

  await twice('listAuditLogs', { query: { limit: '50' } });
  // Audit export: the request is a transaction; the exporter it starts is measured by `audit-export`.
  const e1 = await api.call('createAuditExport', { body: { module: 'bots' } });
  keep(await api.call('createAuditExport', { body: { module: 'members' } }));
  await twice('getAuditExport', { params: { exportId: exportIdOf(e1) } });
  await api.call('deleteMember', { params: { memberId: idOf(m1) } });
  keep(await api.call('deleteMember', { params: { memberId: idOf(m2) } }));

  return { measured, firstAuthorized };
}

/** Pause/resume, clone, reset, post-call cache, campaigns, phone numbers (warm-up call, then the measured one). */
async function exerciseBotLifecycle(
  api: ApiClient,
  keep: (e: Exchange, variant?: string) => Exchange,
  twice: (operation: Operation, opts?: CallOptions) => Promise<Exchange>,
) {
  const warm = idOf(await api.call('createBot', { body: { ...botBody('Lifecycle warm'), qcPrompt: 'Was the caller greeted?' } }));
  const bot = idOf(await api.call('createBot', { body: { ...botBody('Outbound dialer'), analysisPrompt: 'Summarise the call.' } }));
  const pair = async (operation: Operation, params: (botId: string) => Record<string, string>, opts: CallOptions = {}) => {
    await api.call(operation, { ...opts, params: params(warm) });
    return keep(await api.call(operation, { ...opts, params: params(bot) }));
  };
  const botParams = (botId: string) => ({ botId });
  await pair('pauseBot', botParams);
  await pair('resumeBot', botParams);
  await pair('cloneBot', botParams);
  const idem = { params: { botId: bot }, headers: { 'Idempotency-Key': randomUUID() } };
  keep(await api.call('cloneBot', idem), 'Idempotency-Key');
  keep(await api.call('cloneBot', idem), 'Idempotency-Key (replay)');
  await pair('resetBot', botParams);
  await twice('getPostCallCache', { params: { botId: bot } });
  await pair('enablePostCallCache', botParams);
  await pair('refreshPostCallCache', botParams);
  await pair('disablePostCallCache', botParams);

  const c1 = idOf(await api.call('createCampaign', { body: { name: 'Warm campaign', botId: bot } }));
  const c2 = idOf(keep(await api.call('createCampaign', { body: { name: 'Spring promo', botId: bot } })));
  await twice('listCampaigns');
  await twice('getCampaign', { params: { campaignId: c2 } });
  const campaign = (campaignId: string) => ({ campaignId });
  for (const op of ['startCampaign', 'stopCampaign', 'deleteCampaign'] as const) {
    await api.call(op, { params: campaign(c1) });
    keep(await api.call(op, { params: campaign(c2) }));
  }

  await api.call('createPhoneNumber', { body: { number: '+14155550100', botId: bot } });
  keep(await api.call('createPhoneNumber', { body: { number: '+14155550101', botId: bot } }));
  await twice('listPhoneNumbers');
  await api.call('deletePhoneNumber', { params: { number: '+14155550100' } });
  keep(await api.call('deletePhoneNumber', { params: { number: '+14155550101' } }));
}

type CallOptions = { params?: Record<string, string>; query?: Record<string, string>; body?: Json; headers?: Record<string, string> };

class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly teamId: string,
    private readonly counter: DynamoCounter,
  ) {}

  /** Sends `operation`'s request; anything but a 2xx is a broken scenario and fails the section. */
  async call(operation: Operation, opts: CallOptions = {}): Promise<Exchange> {
    const route = ROUTES.find((r) => r.operation === operation)!;
    const params: Record<string, string> = { teamId: this.teamId, ...opts.params };
    const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`${operation}: no value for path parameter ${name}`);
      return encodeURIComponent(value);
    });
    const url = `${this.baseUrl}${path}${opts.query ? `?${new URLSearchParams(opts.query)}` : ''}`;
    const headers: Record<string, string> = { ...(opts.body ? { 'Content-Type': 'application/json' } : {}), ...opts.headers };
    if (route.minRole !== 'public') headers.Authorization = `Bearer ${this.apiKey}`;

    const { result, commands } = await this.counter.measure(async () => {
      const res = await fetch(url, { method: route.method, headers, ...(opts.body ? { body: JSON.stringify(opts.body) } : {}) });
      const text = await res.text();
      const json = res.headers.get('content-type')?.includes('json');
      return { status: res.status, headers: res.headers, body: text && json ? (JSON.parse(text) as unknown) : text || undefined };
    });
    if (result.status < 200 || result.status > 299) {
      throw new Error(`${route.method} ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
    }
    return { route, ...result, commands };
  }
}

function botBody(name: string): Json {
  return {
    name,
    description: 'Answers billing questions and hands over to a human when asked.',
    language: 'en',
    timezone: 'Europe/Paris',
    model: 'gpt-4',
    customPrompt: 'You are a concise, friendly billing assistant.',
    mode: 'auto_pilot',
    allowedDomains: ['example.com'],
  };
}

function idOf(e: Exchange): string {
  const id = (e.body as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') throw new Error(`${e.route.operation}: no id in response ${JSON.stringify(e.body)}`);
  return id;
}

function exportIdOf(e: Exchange): string {
  const id = (e.body as { exportId?: unknown } | undefined)?.exportId;
  if (typeof id !== 'string') throw new Error(`${e.route.operation}: no exportId in response ${JSON.stringify(e.body)}`);
  return id;
}

function etag(e: Exchange): string {
  const tag = e.headers.get('etag');
  if (!tag) throw new Error(`${e.route.operation}: no ETag in response`);
  return tag;
}

// ---------------------------------------------------------------------------------------------------------------
// Budget and rendering

/** `GetItem 1, TransactWriteItems 1`, in first-seen order; idempotency records are labelled as such. */
function breakdown(commands: CommandRecord[]): string {
  if (commands.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const c of commands) {
    const name = c.idempotency ? `${c.command} (idempotency)` : c.command;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
}

const count = (commands: CommandRecord[], name: string) => commands.filter((c) => c.command === name).length;

/** The authorizer's verdict: exactly 1 GetItem, plus the lastUsedAt UpdateItem at most once a minute. */
function authorizerVerdict(route: RouteDef, auth: CommandRecord[]): { ok: boolean; note?: string } {
  if (route.minRole === 'public') return auth.length === 0 ? { ok: true } : { ok: false, note: 'authorizer ran on a public route' };
  const gets = count(auth, 'GetItem');
  const updates = count(auth, 'UpdateItem');
  if (gets === 1 && auth.length === 1) return { ok: true };
  if (gets === 1 && updates === 1 && auth.length === 2) return { ok: true, note: 'lastUsedAt refresh (allowed once a minute)' };
  return { ok: false, note: `authorizer: ${breakdown(auth)}` };
}

/**
 * The handler's verdict: `yes`; `read+txn` (one transaction after reads: honestly over the strict budget by its
 * reads); `txn + idempotency` (Powertools' records on top); a replay answered from its idempotency record; `no`.
 */
function handlerVerdict(route: RouteDef, handler: CommandRecord[]): { verdict: string; ok: boolean } {
  const own = handler.filter((c) => !c.idempotency);
  const idem = handler.filter((c) => c.idempotency);
  if (route.method === 'GET' || route.method === 'OPTIONS') {
    const ok =
      idem.length === 0 && (own.length === 0 || (own.length === 1 && (own[0]!.command === 'GetItem' || own[0]!.command === 'Query')));
    return ok ? { verdict: 'yes', ok } : { verdict: `no (${breakdown(handler)})`, ok };
  }
  const txns = count(own, 'TransactWriteItems');
  const reads = own.filter((c) => READ_COMMANDS.has(c.command)).length;
  const others = own.length - txns - reads;
  const extra = idem.length ? ` + idempotency (+${idem.length})` : '';
  if (own.length === 0 && idem.length === 1) return { verdict: 'yes (replay: 1 idempotency request, no write)', ok: true };
  if (txns === 1 && others === 0 && reads === 0) return idem.length ? { verdict: `txn${extra}`, ok: false } : { verdict: 'yes', ok: true };
  if (txns === 1 && others === 0) return { verdict: `read+txn (+${reads} read${reads > 1 ? 's' : ''})${extra}`, ok: false };
  return { verdict: `no (${breakdown(handler)})`, ok: false };
}

function render(measured: Measured[], firstAuthorized: Exchange): string {
  const rows: string[][] = [];
  const over: string[] = [];
  let withinCount = 0;
  for (const route of ROUTES) {
    const mine = measured.filter((m) => m.route.operation === route.operation);
    if (mine.length === 0) {
      rows.push([
        `${route.method} ${route.path}`,
        route.operation,
        '-',
        '-',
        '-',
        '-',
        'NOT MEASURED: add it to bench/dynamodb-requests.ts',
      ]);
      over.push(`${route.operation}: not measured`);
      continue;
    }
    for (const m of mine) {
      const auth = m.commands.filter((c) => c.phase === 'authorizer');
      const handler = m.commands.filter((c) => c.phase === 'handler');
      const outside = m.commands.filter((c) => c.phase === 'outside');
      const scans = count(m.commands, 'Scan');
      const a = authorizerVerdict(route, auth);
      const h = handlerVerdict(route, handler);
      const notes = [
        h.verdict,
        ...(a.note ? [a.note] : []),
        ...(scans ? [`${scans} Scan`] : []),
        ...(outside.length ? [`unattributed: ${breakdown(outside)}`] : []),
      ];
      const ok = a.ok && h.ok && scans === 0 && outside.length === 0;
      if (ok) withinCount++;
      else over.push(`${m.label}: ${notes.join('; ')}`);
      rows.push([
        `${route.method} ${route.path}`,
        m.label,
        String(m.status),
        route.minRole === 'public' ? '- (public)' : breakdown(auth),
        breakdown(handler),
        String(scans),
        notes.join('; '),
      ]);
    }
  }

  const firstAuth = breakdown(firstAuthorized.commands.filter((c) => c.phase === 'authorizer'));
  return [
    markdownTable(['Route', 'Operation', 'Status', 'Authorizer', 'Handler', 'Scan', 'Within budget'], rows, [
      'left',
      'left',
      'right',
      'left',
      'left',
      'right',
      'left',
    ]),
    '',
    `${withinCount} of ${rows.length} rows exactly within budget.`,
    'Legend: measured on the second call of each route (the first imports the module). `yes` = exactly the budget;',
    '`read+txn` = one TransactWriteItems preceded by reads (over the strict 1-request mutation budget by those reads);',
    '`+ idempotency (+N)` = Powertools records (PutItem in progress, UpdateItem completed), only with an Idempotency-Key;',
    'a replay of the same key and body is answered from its record by the failed conditional PutItem alone.',
    `Authorizer at a key's first use (lastUsedAt older than 60 s, so at most once a minute per key): ${firstAuth}.`,
    ...(over.length ? ['', 'Over budget:', ...over.map((o) => `- ${o}`)] : []),
  ].join('\n');
}
