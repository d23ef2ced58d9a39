import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS } from '../../functions/requests.js';
import { type Operation, ROUTES } from '../../functions/routes.js';
import { resolvePrincipal } from '../../shared/auth/authorize.js';
import type { Principal } from '../../shared/auth/principal.js';
import { BOT_DATA_PURGE_TARGET } from '../../shared/domain/bots/purge.js';
import { createTeam } from '../../shared/domain/team/members.js';
import { buildOpenApiDocument } from '../../shared/openapi/document.js';
import { registerLocalTarget } from '../../infra/local/adapters/async-invoke.js';
import { type Answer, apiEvent, invoke } from '../support/api-event.js';
import { resetConfig } from '../../shared/config.js';

/**
 * Every route answers, on success, the status its row declares and `/openapi.json` documents: one realistic,
 * successful request per route, sent to the handler module the stack deploys (in-process, DynamoDB Local).
 */
type Call = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; headers?: Record<string, string> };

const answered = new Map<Operation, number>();
let principal: Principal;

async function call(operation: Operation, opts: Call = {}): Promise<Answer> {
  const row = ROUTES.find((r) => r.operation === operation)!;
  const pathParameters: Record<string, string> = { ...(row.path.includes('{teamId}') ? { teamId: principal.teamId } : {}), ...opts.params };
  const path = row.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathParameters[name]!));
  const { handler } = (await handlerModule(row.handler)) as { handler: Parameters<typeof invoke>[0] };
  const res = await invoke(
    handler,
    apiEvent({
      method: row.method,
      path,
      ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
      ...(row.minRole === 'public' ? {} : { principal }),
      ...(opts.body !== undefined ? { body: opts.body } : {}),
      ...(opts.headers ? { headers: opts.headers } : {}),
      ...(opts.query ? { query: opts.query } : {}),
    }),
  );
  if (res.statusCode >= 300) throw new Error(`${operation} answered ${res.statusCode}: ${JSON.stringify(res.json)}`);
  answered.set(operation, res.statusCode);
  return res;
}

const id = (a: Answer) => a.json.id as string;

/** A route's handler module, as the stack deploys it (`functions/<handler>.ts`). */
const handlerModule = (handler: string) => import(/* @vite-ignore */ new URL(`../../functions/${handler}.ts`, import.meta.url).pathname);

beforeAll(async () => {
  process.env.LOCAL_DATA_DIR = mkdtempSync(join(tmpdir(), 'botops-status-'));
  resetConfig();
  // Background work a route starts (on AWS other functions): accepted and dropped here.
  registerLocalTarget(BOT_DATA_PURGE_TARGET, async () => undefined);
  registerLocalTarget('audit-exporter', async () => undefined);
  const team = await createTeam('Status Team', `status-${randomUUID()}@example.test`);
  principal = (await resolvePrincipal(`Bearer ${team.apiKey}`))!;
});

describe('success statuses', () => {
  it('answers every route with the status of its row, and documents that status in /openapi.json', async () => {
    await call('health');
    const doc = (await call('openapi')).json as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    await call('getMe');
    await call('getTeam');

    const member = await call('createMember', { body: { email: `m-${randomUUID()}@example.test`, role: 'member' } });
    await call('listMembers');
    await call('updateMember', { params: { memberId: id(member) }, body: { role: 'admin' } });
    const key = await call('createApiKey', { body: { name: 'CI' }, headers: { 'Idempotency-Key': randomUUID() } });
    await call('listApiKeys', { query: { limit: '5' } });
    await call('deleteApiKey', { params: { keyId: id(key) } });

    const bot = id(await call('createBot', { body: { name: 'Status bot', analysisPrompt: 'Rate {{analysis.mood: enum(good|bad)}}.' } }));
    await call('listBots');
    await call('getBot', { params: { botId: bot } });
    await call('updateBot', { params: { botId: bot }, body: { description: 'Answers everything.' } });
    await call('getWidget', { params: { botId: bot } });
    await call('updateWidget', { params: { botId: bot }, body: { enabled: true, allowedDomains: ['https://shop.example.com'] } });
    const widgetKey = (await call('revealWidgetKey', { params: { botId: bot } })).json.apiKey as string;
    await call('widgetScript');
    const browser = { Origin: 'https://shop.example.com' };
    await call('preflightWidgetSession', { query: { botId: bot }, headers: browser });
    await call('createWidgetSession', { headers: { ...browser, 'X-Widget-Key': widgetKey } });
    await call('regenerateWidgetKey', { params: { botId: bot } });

    await call('getBotIntegration', { params: { botId: bot } });
    const callId = (await call('dialout', { params: { botId: bot }, body: { to: '+14155550123' } })).json.callId as string;
    await call('listBotCalls', { params: { botId: bot } });
    await call('getCall', { params: { callId } });
    await call('reportCallEvent', { params: { callId }, body: { type: 'completed', analysis: { mood: 'good' } } });
    await call('rotateWebhookSecret');

    const connector = id(
      await call('createConnector', {
        params: { botId: bot },
        body: { name: 'eu-1', environment: 'production', healthCheckUrl: 'http://127.0.0.1:9/health' },
      }),
    );
    await call('getConnectorCapacity', { params: { botId: bot }, query: { concurrentConversations: '120' } });
    await call('listConnectors', { query: { environment: 'production' } });
    await call('getConnectorMetrics');
    await call('getConnector', { params: { connectorId: connector } });
    await call('updateConnector', { params: { connectorId: connector }, body: { maxConcurrentConversations: 40 } });
    await call('redeployConnector', { params: { connectorId: connector }, body: { environment: 'staging' } });
    await call('startConnector', { params: { connectorId: connector } });
    await call('restartConnector', { params: { connectorId: connector } });
    await call('bulkConnectorAction', { body: { action: 'stop', connectorIds: [connector] } });
    await call('stopConnector', { params: { connectorId: connector } });
    await call('listConnectorHistory', { params: { connectorId: connector } });
    await call('deleteConnector', { params: { connectorId: connector } });

    await call('pauseBot', { params: { botId: bot } });
    await call('resumeBot', { params: { botId: bot } });
    const clone = id(await call('cloneBot', { params: { botId: bot } }));
    await call('getPostCallCache', { params: { botId: bot } });
    await call('enablePostCallCache', { params: { botId: bot } });
    await call('refreshPostCallCache', { params: { botId: bot } });
    await call('disablePostCallCache', { params: { botId: bot } });
    const campaign = id(await call('createCampaign', { body: { name: 'Spring', botId: bot } }));
    await call('listCampaigns');
    await call('getCampaign', { params: { campaignId: campaign } });
    await call('updateCampaign', { params: { campaignId: campaign }, body: { maxAttempts: 2 } });
    await call('addCampaignContacts', { params: { campaignId: campaign }, body: { contacts: [{ phone: '+14155550111' }] } });
    await call('listCampaignContacts', { params: { campaignId: campaign }, query: { status: 'pending' } });
    await call('addDnc', { body: { numbers: ['+14155550112'], reason: 'opted out' } });
    await call('listDnc');
    await call('deleteDnc', { params: { number: '%2B14155550112' } });
    await call('getTeamSettings');
    await call('updateTeamSettings', { body: { maxConcurrentCalls: 20 } });
    await call('startCampaign', { params: { campaignId: campaign } });
    await call('stopCampaign', { params: { campaignId: campaign } });
    await call('deleteCampaign', { params: { campaignId: campaign } });
    await call('createPhoneNumber', { body: { number: '+14155550199', botId: bot } });
    await call('listPhoneNumbers');
    await call('deletePhoneNumber', { params: { number: '%2B14155550199' } });

    const contact = { botId: bot, contactId: 'crm-42' };
    await call('getContactBotStatus', { params: contact });
    await call('putContactBotStatus', { params: contact, body: { status: 'inactive', reactivateAfter: 'PT1H' } });
    await call('postContactMessage', { params: { ...contact, contactId: 'crm-43' }, body: { sender: 'bot', text: 'Hi' } });
    await call('listContacts', { params: { botId: bot }, query: { status: 'inactive' } });

    await call('listAuditLogs', { query: { module: 'bots' } });
    const exportId = (await call('createAuditExport', { body: { module: 'bots' } })).json.exportId as string;
    await call('getAuditExport', { params: { exportId } });

    await call('resetBot', { params: { botId: bot } });
    await call('deleteBot', { params: { botId: clone } });
    await call('deleteMember', { params: { memberId: id(member) } });

    expect(ROUTES.filter((r) => !answered.has(r.operation)).map((r) => r.operation)).toEqual([]);
    for (const r of ROUTES) {
      expect(answered.get(r.operation), r.operation).toBe(r.status);
      const documented = Object.keys(doc.paths[r.path]![r.method.toLowerCase()]!.responses).filter((s) => s.startsWith('2'));
      expect(documented, r.operation).toEqual([String(r.status)]);
    }
  });
});

describe('request schemas', () => {
  it("documents each route with its handler's own request schemas", async () => {
    for (const r of ROUTES) {
      const mod = (await handlerModule(r.handler)) as { handler: { route?: unknown; request?: Record<string, unknown> } };
      if (r.operation === 'widgetScript') continue; // a static script, not the JSON stack
      expect(mod.handler.route, r.operation).toBe(r);
      const own = REQUESTS[r.operation] ?? {};
      for (const part of ['body', 'query', 'params'] as const)
        expect(mod.handler.request?.[part], `${r.operation} ${part}`).toBe(own[part]);
    }
  });

  it('documents a path parameter with a format of its own by its schema, the others as strings', () => {
    const doc = buildOpenApiDocument(ROUTES, REQUESTS) as unknown as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: { pattern?: string } }[] }>>;
    };
    const contact = doc.paths['/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/bot-status']!.put!.parameters!;
    expect(contact.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['teamId', 'botId', 'contactId']);
    expect(contact.find((p) => p.name === 'contactId')!.schema.pattern).toBeDefined();
    expect(contact.find((p) => p.name === 'botId')!.schema.pattern).toBeUndefined();
  });
});
