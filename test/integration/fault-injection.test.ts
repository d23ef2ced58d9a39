import { type CancellationReason, ThrottlingException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as createApiKey } from '../../functions/api-keys/create.js';
import { handler as pauseBot } from '../../functions/bots/pause.js';
import { handler as updateBot } from '../../functions/bots/update.js';
import { handler as startCampaign } from '../../functions/campaigns/start.js';
import { handler as startConnector } from '../../functions/connectors/start.js';
import { handler as putContactStatus } from '../../functions/contacts/put-status.js';
import { handler as updateMember } from '../../functions/members/update.js';
import { handler as createPhoneNumber } from '../../functions/phone-numbers/create.js';
import { type Operation, route } from '../../functions/routes.js';
import { listAuditEvents } from '../../shared/audit/queries.js';
import type { Principal } from '../../shared/auth/principal.js';
import { doc, tableName } from '../../shared/db/client.js';
import { apiKeyListPartition, botDataPartition, localTimerKey } from '../../shared/db/keys.js';
import { RETRY_POLICY } from '../../shared/db/retry.js';
import { createBot } from '../../shared/domain/bots/bots.js';
import { createCampaign } from '../../shared/domain/campaigns/campaigns.js';
import { createConnector } from '../../shared/domain/connectors/connectors.js';
import { createMember } from '../../shared/domain/team/members.js';
import { THROTTLED_RETRY_AFTER_SECONDS } from '../../shared/http/problem.js';
import { contactTimerName } from '../../shared/ports/scheduler.js';
import { type Answer, apiEvent, invoke } from '../support/api-event.js';
import { newTeam, uniquePhoneNumber } from '../support/factory.js';

/**
 * Fault injection on every write path, against the real DynamoDB Local: the shared DocumentClient (`doc`) is
 * mocked on this instance only, every command passes through to the real table, and the one under test (the
 * route's `TransactWriteItems`) is refused as DynamoDB would refuse it. What a caller must see: throttling is a
 * 503 problem with `Retry-After` and no AWS detail, a transaction that keeps conflicting is a 409 problem, one
 * conflict is retried away (2xx, one audit event), and in every refused case the objects are as they were and
 * the audit log has no new event: the change and its audit event are written together or not at all.
 */

const realSend = doc.send.bind(doc);
const ddb = mockClient(doc);

/** Every command the write paths and their reads use reaches the real table, as sent by the domain code. */
function passThrough() {
  ddb.reset();
  ddb.onAnyCommand().rejects(new Error('fault-injection: a command with no pass-through reached the mock'));
  ddb.on(GetCommand).callsFake((input) => realSend(new GetCommand(input)));
  ddb.on(QueryCommand).callsFake((input) => realSend(new QueryCommand(input)));
  ddb.on(ScanCommand).callsFake((input) => realSend(new ScanCommand(input)));
  ddb.on(PutCommand).callsFake((input) => realSend(new PutCommand(input)));
  ddb.on(UpdateCommand).callsFake((input) => realSend(new UpdateCommand(input)));
  ddb.on(DeleteCommand).callsFake((input) => realSend(new DeleteCommand(input)));
  ddb.on(BatchGetCommand).callsFake((input) => realSend(new BatchGetCommand(input)));
  ddb.on(BatchWriteCommand).callsFake((input) => realSend(new BatchWriteCommand(input)));
  ddb.on(TransactGetCommand).callsFake((input) => realSend(new TransactGetCommand(input)));
  ddb.on(TransactWriteCommand).callsFake((input) => realSend(new TransactWriteCommand(input)));
}

/**
 * The back-off between conflict retries is shortened to ~1 ms for this file (20 attempts per refused request, each
 * routes): the number of attempts, and so every answer, is the production policy's; only the waits are shorter.
 */
const productionBackoff = { ...RETRY_POLICY };
beforeAll(() => Object.assign(RETRY_POLICY, { baseDelayMs: 1, maxDelayMs: 1 }));
beforeEach(passThrough);
afterAll(() => {
  Object.assign(RETRY_POLICY, productionBackoff);
  ddb.restore();
});

// --- DynamoDB's refusals --------------------------------------------------------------------------------------

/** What DynamoDB says over capacity; the test checks that none of it reaches the caller. */
const AWS_DETAIL = 'Throughput exceeds the current capacity of your table or index (arn:aws:dynamodb:us-east-1:123456789012:table/x)';

const cancelled = (reasons: CancellationReason[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: reasons,
  });
const itemsOf = (input: TransactWriteCommandInput) => input.TransactItems ?? [];
/** One reason per item of the transaction: `first` for the first item, `None` for the others. */
const reasonsFor = (input: TransactWriteCommandInput, first: CancellationReason) =>
  itemsOf(input).map((_, i) => (i === 0 ? first : { Code: 'None' }));

const THROTTLED_ITEM: CancellationReason = { Code: 'ThrottlingError', Message: AWS_DETAIL };
const CONFLICT: CancellationReason = { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' };

const throttlingFaults = [
  {
    fault: 'ThrottlingException',
    install: () =>
      ddb.on(TransactWriteCommand).rejects(new ThrottlingException({ message: AWS_DETAIL, $metadata: { httpStatusCode: 400 } })),
  },
  {
    fault: 'TransactionCanceledException [ThrottlingError]',
    install: () =>
      ddb.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => {
        throw cancelled(reasonsFor(input, THROTTLED_ITEM));
      }),
  },
];

// --- The write paths ------------------------------------------------------------------------------------------

type Team = Awaited<ReturnType<typeof newTeam>>;
type Handler = Parameters<typeof invoke>[0];
/** A request of a row, on objects its `setup` created for real; `partitions` hold what the route may write outside the team partition. */
type Prepared = { params: Record<string, string>; body?: unknown; partitions?: string[] };
type Row = {
  operation: Operation;
  variant?: string;
  handler: Handler;
  setup: (t: Team) => Promise<Prepared>;
  audit: { module: string; action: string };
};

const aBot = async (t: Team) => (await createBot(t.teamId, { name: 'Fault bot' }, t.actor)).id;

const rows: Row[] = [
  {
    operation: 'updateBot',
    handler: updateBot,
    setup: async (t) => ({ params: { botId: await aBot(t) }, body: { description: 'changed under fault' } }),
    audit: { module: 'bots', action: 'update' },
  },
  {
    operation: 'pauseBot',
    handler: pauseBot,
    setup: async (t) => ({ params: { botId: await aBot(t) } }),
    audit: { module: 'bots', action: 'pause' },
  },
  {
    operation: 'putContactBotStatus',
    handler: putContactStatus,
    setup: async (t) => {
      const botId = await aBot(t);
      return {
        params: { botId, contactId: 'crm-42' },
        body: { status: 'inactive' },
        partitions: [botDataPartition(t.teamId, botId, 0)],
      };
    },
    audit: { module: 'contacts', action: 'deactivate' },
  },
  {
    operation: 'putContactBotStatus',
    variant: 'with a reactivation timer',
    handler: putContactStatus,
    setup: async (t) => {
      const botId = await aBot(t);
      // The timer is set before the change commits: a change that does not commit must not leave it behind.
      return {
        params: { botId, contactId: 'crm-43' },
        body: { status: 'inactive', reactivateAfter: 'PT2H' },
        partitions: [botDataPartition(t.teamId, botId, 0), localTimerKey(contactTimerName(t.teamId, botId, 'crm-43')).PK],
      };
    },
    audit: { module: 'contacts', action: 'deactivate' },
  },
  {
    operation: 'startConnector',
    handler: startConnector,
    setup: async (t) => {
      const botId = await aBot(t);
      const c = await createConnector(
        t.teamId,
        botId,
        { name: 'agent', environment: 'staging', healthCheckUrl: 'http://127.0.0.1:9/health' },
        t.actor,
      );
      return { params: { connectorId: c.id }, partitions: [botDataPartition(t.teamId, botId, 0)] };
    },
    audit: { module: 'connectors', action: 'start' },
  },
  {
    operation: 'updateMember',
    handler: updateMember,
    setup: async (t) => {
      const m = await createMember(t.teamId, `agent-${Math.random().toString(36).slice(2)}@example.test`, 'member', t.actor);
      return { params: { memberId: m.id }, body: { role: 'admin' } };
    },
    audit: { module: 'members', action: 'update' },
  },
  {
    operation: 'createPhoneNumber',
    handler: createPhoneNumber,
    setup: async (t) => {
      const number = uniquePhoneNumber();
      return { params: {}, body: { number, botId: await aBot(t) }, partitions: [`PHONE#${number}`] };
    },
    audit: { module: 'phone_numbers', action: 'create' },
  },
  {
    operation: 'startCampaign',
    handler: startCampaign,
    setup: async (t) => {
      const c = await createCampaign(t.teamId, { name: 'Spring', botId: await aBot(t) }, t.actor);
      return { params: { campaignId: c.id } };
    },
    audit: { module: 'campaigns', action: 'start' },
  },
  {
    operation: 'createApiKey',
    handler: createApiKey,
    setup: async () => ({ params: {}, body: { name: 'ci key' } }),
    audit: { module: 'api_keys', action: 'create' },
  },
];

const label = (r: Row) => `${route(r.operation).method} ${route(r.operation).path}${r.variant ? ` (${r.variant})` : ''}`;

/** A fresh team and the row's objects, written through the real table; then how to call the route and what to watch. */
async function prepare(row: Row) {
  const t = await newTeam('Fault injection');
  const prepared = await row.setup(t);
  const principal: Principal = { teamId: t.teamId, memberId: t.memberId, email: t.email, role: 'super_admin', keyId: 'fault-injection' };
  const { method, path } = route(row.operation);
  const params: Record<string, string> = { teamId: t.teamId, ...prepared.params };
  const call = (headers: Record<string, string> = {}): Promise<Answer> =>
    invoke(
      row.handler,
      apiEvent({
        method,
        path: path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '')),
        pathParameters: params,
        principal,
        ...(prepared.body !== undefined ? { body: prepared.body } : {}),
        headers,
      }),
    );
  const snapshot = () => tableState(t.teamId, prepared.partitions ?? []);
  const auditEvents = async () => (await listAuditEvents(t.teamId, {}, 100, undefined)).items;
  /** The table and the audit log before the request; the mock's history then counts the request's commands only. */
  const baseline = async () => {
    const state = { before: await snapshot(), eventsBefore: await auditEvents() };
    ddb.resetHistory();
    return state;
  };
  return { t, call, snapshot, auditEvents, baseline };
}

/**
 * Everything a write path of the team can touch, read strongly consistent from the real table (not through the
 * mock): the team partition (team, members, bots, numbers, campaigns, connectors), the team's API keys, and the
 * row's own partitions (a bot's data, a number's claim).
 */
async function tableState(teamId: string, partitions: string[]) {
  const query = async (pk: string) =>
    (
      await realSend(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ConsistentRead: true,
        }),
      )
    ).Items ?? [];
  const keys = await realSend(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': apiKeyListPartition(teamId) },
    }),
  );
  return {
    team: await query(`TEAM#${teamId}`),
    apiKeys: keys.Items ?? [],
    ...Object.fromEntries(await Promise.all(partitions.map(async (pk) => [pk, await query(pk)] as const))),
  };
}

/**
 * The row's objects for the refused cases, created once per row: a refused request leaves them as they were (each
 * case asserts it against its own baseline), so the next refused case starts from the same state. The cases that
 * succeed take fresh objects (`prepare`).
 */
const unchanging = new Map<Row, ReturnType<typeof prepare>>();
const prepareOnce = (row: Row) => {
  const existing = unchanging.get(row);
  if (existing) return existing;
  const created = prepare(row);
  unchanging.set(row, created);
  return created;
};

function expectProblem(res: Answer, status: number) {
  expect({ status: res.statusCode, contentType: res.headers['Content-Type'] }).toEqual({ status, contentType: 'application/problem+json' });
  expect(res.json).toMatchObject({ status });
}

// --- The cases ------------------------------------------------------------------------------------------------

describe('a throttled write answers 503 with Retry-After and writes nothing', () => {
  const cases = rows.flatMap((row) => throttlingFaults.map((f) => ({ ...f, row, name: `${label(row)} x ${f.fault}` })));

  it.each(cases)('$name', async ({ row, install }) => {
    const p = await prepareOnce(row);
    const { before, eventsBefore } = await p.baseline();
    install();

    const res = await p.call();

    expectProblem(res, 503);
    expect(res.headers['Retry-After']).toBe(String(THROTTLED_RETRY_AFTER_SECONDS));
    expect(res.json).toMatchObject({ title: 'Service Unavailable', detail: 'The database is busy; retry shortly.' });
    // Nothing of DynamoDB's answer reaches the caller: no message, no ARN, no exception or reason name.
    const body = JSON.stringify(res.json);
    for (const leak of ['Throughput', 'arn:aws', 'ThrottlingException', 'ThrottlingError', 'TransactionCanceled']) {
      expect(body).not.toContain(leak);
    }
    // The write was tried, and refused: not a single item of it, nor its audit event, is in the table.
    expect(ddb.commandCalls(TransactWriteCommand).length).toBeGreaterThanOrEqual(1);
    expect(await p.snapshot()).toEqual(before);
    expect(await p.auditEvents()).toEqual(eventsBefore);
  });
});

describe('a transaction that conflicts on every attempt answers 409 and writes nothing', () => {
  it.each(rows.map((row) => ({ row, name: label(row) })))('$name', async ({ row }) => {
    const p = await prepareOnce(row);
    const { before, eventsBefore } = await p.baseline();
    ddb.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => {
      throw cancelled(reasonsFor(input, CONFLICT));
    });

    const res = await p.call();

    expectProblem(res, 409);
    expect(res.json).toMatchObject({ title: 'Conflict', detail: expect.stringContaining('retry') });
    expect(JSON.stringify(res.json)).not.toContain('TransactionConflict');
    // Retried with back-off, and bounded.
    const attempts = ddb.commandCalls(TransactWriteCommand).length;
    expect(attempts).toBeGreaterThan(1);
    expect(attempts).toBeLessThanOrEqual(RETRY_POLICY.attempts);
    expect(await p.snapshot()).toEqual(before);
    expect(await p.auditEvents()).toEqual(eventsBefore);
  });
});

describe('a transaction that conflicts once is retried: the documented 2xx and exactly one audit event', () => {
  it.each(rows.map((row) => ({ row, name: label(row) })))('$name', async ({ row }) => {
    const p = await prepare(row);
    const { before, eventsBefore } = await p.baseline();
    let attempts = 0;
    ddb.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => {
      attempts += 1;
      if (attempts === 1) throw cancelled(reasonsFor(input, CONFLICT));
      return realSend(new TransactWriteCommand(input));
    });

    const res = await p.call();

    expect(res.statusCode).toBe(route(row.operation).status);
    expect(attempts).toBe(2);
    expect(await p.snapshot()).not.toEqual(before);
    const events = await p.auditEvents();
    expect(events).toHaveLength(eventsBefore.length + 1);
    expect(events[0]).toMatchObject(row.audit);
  });
});

describe('a transaction DynamoDB itself cancels on the audit item leaves the change unwritten', () => {
  /**
   * The audit event's `Put` is sent with a condition that cannot hold (`attribute_exists(PK)` on a new item), so
   * DynamoDB Local cancels the transaction on that item alone (`None` for the others): nothing of the change may
   * be in the table. A plain item's failed condition is a write conflict (`transactWrite`): 409 once retries end.
   */
  const auditRefused = rows.filter((r) => ['updateBot', 'putContactBotStatus', 'createPhoneNumber'].includes(r.operation));

  it.each(auditRefused.map((row) => ({ row, name: label(row) })))('$name', async ({ row }) => {
    const p = await prepareOnce(row);
    const { before, eventsBefore } = await p.baseline();
    const refusals: { codes: (string | undefined)[]; auditIndex: number }[] = [];
    ddb.on(TransactWriteCommand).callsFake(async (input: TransactWriteCommandInput) => {
      const items = itemsOf(input);
      const auditIndex = items.findIndex((i) => i.Put?.Item?.entity === 'audit');
      const sabotaged = items.map((i, n) =>
        n === auditIndex && i.Put ? { Put: { ...i.Put, ConditionExpression: 'attribute_exists(PK)' } } : i,
      );
      try {
        return await realSend(new TransactWriteCommand({ ...input, TransactItems: sabotaged }));
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          refusals.push({ codes: (error.CancellationReasons ?? []).map((r) => r.Code), auditIndex });
        }
        throw error;
      }
    });

    const res = await p.call();

    expectProblem(res, 409);
    // DynamoDB refused the audit item only: every other item of the transaction would have been written alone.
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    for (const { codes, auditIndex } of refusals) {
      expect(auditIndex).toBeGreaterThan(0);
      expect(codes.map((c, i) => (i === auditIndex ? c : c === 'None'))).toEqual(
        codes.map((_, i) => (i === auditIndex ? 'ConditionalCheckFailed' : true)),
      );
    }
    expect(await p.snapshot()).toEqual(before);
    expect(await p.auditEvents()).toEqual(eventsBefore);
  });
});

describe('after a throttled 503, the same Idempotency-Key runs the request again', () => {
  const idempotent = rows.filter((r) => (route(r.operation) as { idempotency?: boolean }).idempotency === true);

  it.each(idempotent.map((row) => ({ row, name: label(row) })))('$name', async ({ row }) => {
    const p = await prepare(row);
    const { before, eventsBefore } = await p.baseline();
    const key = { 'Idempotency-Key': `fault-${Math.random().toString(36).slice(2)}` };
    throttlingFaults[0]?.install();

    const refused = await p.call(key);
    expectProblem(refused, 503);
    expect(await p.snapshot()).toEqual(before);

    // The fault is over: the retry the 503 asked for is carried out, not answered with the stored 503.
    passThrough();
    const retried = await p.call(key);
    expect(retried.statusCode).toBe(route(row.operation).status);
    const events = await p.auditEvents();
    expect(events).toHaveLength(eventsBefore.length + 1);
    expect(events[0]).toMatchObject(row.audit);
  });
});
