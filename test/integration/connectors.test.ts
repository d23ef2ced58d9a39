import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../shared/audit/queries.js';
import { doc, dynamo, tableName } from '../../shared/db/client.js';
import { botKey, connectorKey } from '../../shared/db/keys.js';
import { createBot } from '../../shared/domain/bots/bots.js';
import { createConnector, deleteConnector, redeployConnector, updateConnector } from '../../shared/domain/connectors/connectors.js';
import { applyAction } from '../../shared/domain/connectors/actions.js';
import { getStoredConnector } from '../../shared/domain/connectors/store.js';
import { bulkAction } from '../../functions/connectors/actions.js';
import { runHealthCheck } from '../../shared/domain/connectors/health-check.js';
import { connectorMetrics, listConnectorHistory, listConnectors } from '../../shared/domain/connectors/queries.js';
import { connectorCapacity } from '../../shared/domain/connectors/capacity.js';
import { ConnectorCreateInput } from '../../shared/domain/connectors/schema.js';
import { probeUrl } from '../../shared/net/probe.js';
import { type Endpoints, startEndpoints } from '../support/endpoints.js';
import { newTeam } from '../support/factory.js';
import { resetConfig } from '../../shared/config.js';

let ep: Endpoints;
beforeAll(async () => {
  ep = await startEndpoints();
});
afterAll(() => ep?.close());

/**
 * Fast runs for tests: the probe timeout is the only knob changed (5 s stays the default). 1.5 s leaves a loaded
 * 2-core machine time to answer the local endpoints that do answer.
 */
const PROBE_TIMEOUT_MS = 1500;
const check = () => runHealthCheck({ timeoutMs: PROBE_TIMEOUT_MS });

async function setup(envs: ('production' | 'staging' | 'development')[] = ['production']) {
  const t = await newTeam();
  const bot = await createBot(t.teamId, { name: 'Agent bot' }, t.actor);
  const connectors = [];
  for (const [i, environment] of envs.entries()) {
    connectors.push(await createConnector(t.teamId, bot.id, { name: `c${i}`, environment, healthCheckUrl: ep.url('/ok') }, t.actor));
  }
  return { t, bot, connectors };
}

describe('connector lifecycle (DynamoDB Local)', () => {
  it('creates stopped connectors under an existing bot of the team only', async () => {
    const { t, bot, connectors } = await setup();
    expect(connectors[0]).toMatchObject({
      status: 'stopped',
      maxConcurrentConversations: 50,
      consecutiveFailures: 0,
      lastCheckAt: null,
      botId: bot.id,
    });
    const other = await newTeam();
    const input = { name: 'x', environment: 'staging' as const, healthCheckUrl: ep.url('/ok') };
    await expect(createConnector(other.teamId, bot.id, input, other.actor)).rejects.toMatchObject({ statusCode: 404 });
    await expect(createConnector(t.teamId, '01ARZ3NDEKTSV4RRFFQ69G5FAV', input, t.actor)).rejects.toMatchObject({ statusCode: 404 });
    // a stopped connector carries no health-check index key (sparse GSI2)
    const item = (await doc.send(new GetCommand({ TableName: tableName(), Key: connectorKey(t.teamId, connectors[0]!.id) }))).Item!;
    expect(item.GSI2PK).toBeUndefined();
    expect(item.GSI1PK).toBe(`TEAM#${t.teamId}#CONNECTORS#BOT#${bot.id}`);
  });

  it('edits, redeploys and deletes only while stopped, and audits every action', async () => {
    const { t, connectors } = await setup();
    const id = connectors[0]!.id;
    const edited = await updateConnector(t.teamId, id, { name: 'renamed', maxConcurrentConversations: 40 }, t.actor);
    expect(edited).toMatchObject({ name: 'renamed', maxConcurrentConversations: 40, environment: 'production', version: 2 });
    await expect(updateConnector(t.teamId, id, { name: 'stale' }, t.actor, 1)).rejects.toMatchObject({ statusCode: 412 });

    expect((await applyAction(t.teamId, id, 'start', t.actor)).status).toBe('starting');
    // one after the other: a refusal created before its `expect` would be an unhandled rejection meanwhile
    for (const attempt of [
      () => updateConnector(t.teamId, id, { name: 'while running' }, t.actor),
      () => redeployConnector(t.teamId, id, 'staging', t.actor),
      () => deleteConnector(t.teamId, id, t.actor),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ statusCode: 409 });
    }
    expect((await getStoredConnector(t.teamId, id)).name).toBe('renamed');

    // start on a running connector and stop on a stopped one change nothing
    const again = await applyAction(t.teamId, id, 'start', t.actor);
    expect(again.status).toBe('starting');
    await applyAction(t.teamId, id, 'stop', t.actor);
    await applyAction(t.teamId, id, 'stop', t.actor);
    expect((await redeployConnector(t.teamId, id, 'staging', t.actor)).environment).toBe('staging');
    await expect(redeployConnector(t.teamId, id, 'staging', t.actor)).rejects.toMatchObject({ statusCode: 409 });
    await deleteConnector(t.teamId, id, t.actor);
    await expect(getStoredConnector(t.teamId, id)).rejects.toMatchObject({ statusCode: 404 });

    const actions = (await listAuditEvents(t.teamId, { module: 'connectors' }, 20, undefined)).items.map((e) => e.action).reverse();
    expect(actions).toEqual(['create', 'update', 'start', 'stop', 'redeploy', 'delete']);
  });

  it('refuses an edit when a start lands between its read and its write (the status is in the condition)', async () => {
    const { t, connectors } = await setup();
    const id = connectors[0]!.id;
    let raced = false;
    // Before the edit's transaction is sent, flip the status the way a concurrent start would, without touching
    // the version: only the write's `#status = :stopped` condition can catch this.
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        if (!raced && context.commandName === 'TransactWriteItemsCommand') {
          raced = true;
          await doc.send(
            new UpdateCommand({
              TableName: tableName(),
              Key: connectorKey(t.teamId, id),
              UpdateExpression: 'SET #s = :s',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':s': 'starting' },
            }),
          );
        }
        return next(args);
      },
      { step: 'initialize', name: 'raceStart' },
    );
    try {
      await expect(updateConnector(t.teamId, id, { name: 'late edit' }, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    } finally {
      dynamo.middlewareStack.remove('raceStart');
    }
    expect(raced).toBe(true);
    expect((await getStoredConnector(t.teamId, id)).name).toBe('c0');
  });

  it('applies a bulk restart to each connector independently, with an error entry for a foreign id', async () => {
    const { t, bot } = await setup([]);
    const ids = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        (await createConnector(t.teamId, bot.id, { name: `n${i}`, environment: 'production', healthCheckUrl: ep.url('/ok') }, t.actor)).id,
      );
    const other = await setup();
    const foreign = other.connectors[0]!.id;
    const results = await bulkAction(t.teamId, 'restart', [ids[0]!, foreign, ...ids.slice(1)], t.actor);
    expect(results.map((r) => r.connectorId)).toEqual([ids[0], foreign, ...ids.slice(1)]);
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results[1]).toEqual({
      connectorId: foreign,
      ok: false,
      error: { status: 404, title: 'Not Found', detail: 'Connector not found.' },
    });
    expect((await getStoredConnector(other.t.teamId, foreign)).status).toBe('stopped');
  });
});

describe('connector lists and metrics (DynamoDB Local)', () => {
  it('serves every filter from a key and pages without empty or short pages', async () => {
    const { t, bot, connectors } = await setup(['production', 'staging', 'production', 'development', 'staging']);
    const bot2 = await createBot(t.teamId, { name: 'Second' }, t.actor);
    const c2 = await createConnector(t.teamId, bot2.id, { name: 'b2', environment: 'staging', healthCheckUrl: ep.url('/ok') }, t.actor);
    await applyAction(t.teamId, connectors[0]!.id, 'start', t.actor);
    await applyAction(t.teamId, connectors[1]!.id, 'start', t.actor);
    await applyAction(t.teamId, c2.id, 'start', t.actor);

    const all = async (filters: Parameters<typeof listConnectors>[1], limit = 1) => {
      const names: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await listConnectors(t.teamId, filters, limit, cursor);
        expect(page.items.length === limit || page.nextCursor === null).toBe(true);
        if (page.nextCursor) expect(page.items.length).toBe(limit);
        names.push(...page.items.map((c) => c.name));
        if (!page.nextCursor) return names.sort();
        cursor = page.nextCursor;
      }
    };
    expect(await all({}, 2)).toEqual(['b2', 'c0', 'c1', 'c2', 'c3', 'c4']);
    expect(await all({ environment: 'staging' })).toEqual(['b2', 'c1', 'c4']);
    expect(await all({ environment: 'staging', status: 'starting' })).toEqual(['b2', 'c1']);
    expect(await all({ status: 'starting' })).toEqual(['b2', 'c0', 'c1']);
    expect(await all({ status: 'online' })).toEqual([]);
    expect(await all({ botId: bot.id }, 2)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(await all({ botId: bot.id, status: 'stopped' })).toEqual(['c2', 'c3', 'c4']);
    expect(await all({ botId: bot.id, environment: 'production' })).toEqual(['c0', 'c2']);
    expect(await all({ botId: bot.id, environment: 'staging', status: 'starting' })).toEqual(['c1']);

    // a cursor of one list is refused by another, and by another team
    const page = await listConnectors(t.teamId, { environment: 'staging' }, 1, undefined);
    await expect(listConnectors(t.teamId, { environment: 'production' }, 1, page.nextCursor!)).rejects.toMatchObject({ statusCode: 400 });
    const other = await newTeam();
    await expect(listConnectors(other.teamId, { environment: 'staging' }, 1, page.nextCursor!)).rejects.toMatchObject({ statusCode: 400 });
    expect((await listConnectors(other.teamId, {}, 10, undefined)).items).toEqual([]);
  });

  it('counts per status in one environment only', async () => {
    const { t, connectors } = await setup(['staging', 'staging', 'production', 'production', 'production']);
    await applyAction(t.teamId, connectors[0]!.id, 'start', t.actor);
    await applyAction(t.teamId, connectors[2]!.id, 'start', t.actor);
    expect(await connectorMetrics(t.teamId, 'staging')).toEqual({
      environment: 'staging',
      total: 2,
      counts: { stopped: 1, starting: 1, online: 0, unhealthy: 0 },
    });
    expect(await connectorMetrics(t.teamId, 'production')).toEqual({
      environment: 'production',
      total: 3,
      counts: { stopped: 2, starting: 1, online: 0, unhealthy: 0 },
    });
    expect((await connectorMetrics(t.teamId, undefined)).total).toBe(5);
    expect((await connectorMetrics(t.teamId, 'development')).total).toBe(0);
  });

  it('advises capacity from the bot connectors in one environment', async () => {
    const { t, bot } = await setup(['production', 'staging']);
    const advice = await connectorCapacity(t.teamId, bot.id, 'production', 200);
    expect(advice).toMatchObject({ recommendedConnectors: 4, currentConnectors: 1, onlineConnectors: 0 });
    expect(advice.warnings.map((w) => w.code)).toEqual(['failover', 'capacity', 'not_online']);
    await expect(connectorCapacity((await newTeam()).teamId, bot.id, 'production', 10)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('scheduled health check (DynamoDB Local + local endpoints)', () => {
  it('moves starting -> online, online -> unhealthy after 3 failures, unhealthy -> online, with audit and history', async () => {
    const { t, bot } = await setup([]);
    const c = await createConnector(
      t.teamId,
      bot.id,
      { name: 'flaky', environment: 'production', healthCheckUrl: ep.url(`/switch/${bot.id}`) },
      t.actor,
    );
    await applyAction(t.teamId, c.id, 'start', t.actor);
    await check();
    let now = await getStoredConnector(t.teamId, c.id);
    expect(now).toMatchObject({ status: 'online', consecutiveFailures: 0, lastError: null });
    expect(now.lastCheckAt).not.toBeNull();
    expect(now.lastLatencyMs).toBeGreaterThanOrEqual(0);

    ep.set(bot.id, 'fail');
    for (const failures of [1, 2]) {
      await check();
      now = await getStoredConnector(t.teamId, c.id);
      expect(now).toMatchObject({ status: 'online', consecutiveFailures: failures, lastError: 'HTTP 500' });
    }
    await check();
    expect(await getStoredConnector(t.teamId, c.id)).toMatchObject({ status: 'unhealthy', consecutiveFailures: 3, lastError: 'HTTP 500' });

    ep.set(bot.id, 'ok');
    await check();
    expect(await getStoredConnector(t.teamId, c.id)).toMatchObject({ status: 'online', consecutiveFailures: 0, lastError: null });

    const audit = (await listAuditEvents(t.teamId, { actorEmail: 'system:health-check' }, 10, undefined)).items;
    expect(audit.map((e) => [e.action, e.changes.status])).toEqual([
      ['status_change', { before: 'unhealthy', after: 'online' }],
      ['status_change', { before: 'online', after: 'unhealthy' }],
      ['status_change', { before: 'starting', after: 'online' }],
    ]);
    expect(audit[0]).toMatchObject({ actorRole: 'system', module: 'connectors', botId: bot.id, targetId: c.id });
    const history = (await listConnectorHistory(t.teamId, c.id, 10, undefined)).items;
    expect(history.map((h) => `${h.from}->${h.to}`)).toEqual(['unhealthy->online', 'online->unhealthy', 'starting->online']);
    expect(history[1]).toMatchObject({ error: 'HTTP 500', consecutiveFailures: 3 });

    // a bot reset (the generation bump) hides the history; the connector itself is team configuration and stays
    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: botKey(t.teamId, bot.id),
        UpdateExpression: 'SET dataGeneration = dataGeneration + :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    expect((await listConnectorHistory(t.teamId, c.id, 10, undefined)).items).toEqual([]);
    expect((await getStoredConnector(t.teamId, c.id)).status).toBe('online');
  });

  it('reports a hanging endpoint as a timeout and keeps a starting connector starting', async () => {
    const { t, bot } = await setup([]);
    const c = await createConnector(t.teamId, bot.id, { name: 'hangs', environment: 'staging', healthCheckUrl: ep.url('/hang') }, t.actor);
    await applyAction(t.teamId, c.id, 'start', t.actor);
    await check();
    expect(await getStoredConnector(t.teamId, c.id)).toMatchObject({
      status: 'starting',
      consecutiveFailures: 1,
      lastError: `timed out after ${PROBE_TIMEOUT_MS} ms`,
    });
    await applyAction(t.teamId, c.id, 'stop', t.actor);
  });

  it('leaves a connector stopped when the stop lands while its probe is in flight', async () => {
    const { t, bot } = await setup([]);
    const path = `/switch/${bot.id}`;
    const c = await createConnector(t.teamId, bot.id, { name: 'racy', environment: 'production', healthCheckUrl: ep.url(path) }, t.actor);
    await applyAction(t.teamId, c.id, 'start', t.actor);
    const summary = await runHealthCheck({
      timeoutMs: 400,
      probe: async (url, opts) => {
        if (url === c.healthCheckUrl) await applyAction(t.teamId, c.id, 'stop', t.actor);
        return probeUrl(url, opts);
      },
    });
    expect(summary.skipped).toBeGreaterThanOrEqual(1);
    const after = await getStoredConnector(t.teamId, c.id);
    expect(after).toMatchObject({ status: 'stopped', lastCheckAt: null });
    const item = (await doc.send(new GetCommand({ TableName: tableName(), Key: connectorKey(t.teamId, c.id) }))).Item!;
    expect(item.GSI2PK).toBeUndefined();
    // and stopped connectors are not probed at all
    const hits = ep.hits(path);
    expect(hits).toBe(1);
    await check();
    expect((await getStoredConnector(t.teamId, c.id)).lastCheckAt).toBeNull();
    expect(ep.hits(path)).toBe(hits);
  });
});

describe('health-check URL safety outside local mode', () => {
  it('refuses http, private, link-local and metadata URLs when LOCAL_MODE is off', async () => {
    const saved = process.env.LOCAL_MODE;
    process.env.LOCAL_MODE = 'false';
    resetConfig();
    try {
      for (const url of [
        'http://10.0.0.1/',
        'http://169.254.169.254/',
        'https://10.0.0.1/health',
        'https://169.254.169.254/latest/meta-data/',
        'http://127.0.0.1:8080/',
        'https://[::ffff:a9fe:a9fe]/',
        'https://metadata.google.internal/',
      ]) {
        const r = ConnectorCreateInput.safeParse({ name: 'x', environment: 'production', healthCheckUrl: url });
        expect(r.success, url).toBe(false);
        expect(r.error!.issues[0]!.path, url).toEqual(['healthCheckUrl']);
      }
      expect(
        ConnectorCreateInput.safeParse({ name: 'x', environment: 'production', healthCheckUrl: 'https://agent.example.com/health' })
          .success,
      ).toBe(true);
      // and at probe time: a stored loopback URL is refused without any request being made
      const hits = ep.hits('/ok');
      const r = await probeUrl(ep.url('/ok'), { timeoutMs: 400, local: false });
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^refused: /) });
      expect(ep.hits('/ok')).toBe(hits);
    } finally {
      process.env.LOCAL_MODE = saved;
      resetConfig();
    }
  });
});

describe('connectors of a deleted bot', () => {
  it('are removed with the bot (audited as the system), so none stays starting or is probed again', async () => {
    const { deleteBotAndData } = await import('../../shared/domain/bots/reset.js');
    const { drainLocalJobs, registerLocalTarget } = await import('../../infra/local/adapters/async-invoke.js');
    const { BOT_DATA_PURGE_TARGET } = await import('../../shared/domain/bots/purge.js');
    const { handler: purge } = await import('../../functions/jobs/bot-data-purge.js');
    registerLocalTarget(BOT_DATA_PURGE_TARGET, purge);
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Short-lived' }, t.actor);
    const path = `/deleted-bot-${bot.id}`;
    const ids: string[] = [];
    for (const environment of ['production', 'staging'] as const) {
      const c = await createConnector(t.teamId, bot.id, { name: environment, environment, healthCheckUrl: ep.url(path) }, t.actor);
      expect((await applyAction(t.teamId, c.id, 'start', t.actor)).status).toBe('starting');
      ids.push(c.id);
    }
    const survivor = await createBot(t.teamId, { name: 'Stays' }, t.actor);
    const kept = await createConnector(
      t.teamId,
      survivor.id,
      { name: 'kept', environment: 'production', healthCheckUrl: ep.url('/ok') },
      t.actor,
    );

    await deleteBotAndData(t.teamId, bot.id, t.actor);
    await drainLocalJobs();

    for (const id of ids) await expect(getStoredConnector(t.teamId, id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await getStoredConnector(t.teamId, kept.id)).id).toBe(kept.id);
    const before = ep.hits(path);
    await check();
    expect(ep.hits(path)).toBe(before);
    const events = (await listAuditEvents(t.teamId, { module: 'connectors', action: 'delete' }, 100, undefined)).items;
    expect(events.map((e) => [e.targetId, e.actorEmail, e.changes.status?.before]).sort()).toEqual(
      ids.map((id) => [id, 'system:bot-deletion', 'starting']).sort(),
    );
  });
});
