import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, route } from '../../functions/routes.js';
import {
  accessScopeOf,
  authorizerScope,
  installPartitionGuard,
  jobScope,
  requestedKeys,
  routeScope,
  runInScope,
  violation,
} from '../../infra/local/partition-guard.js';
import { doc, dynamo, tableName } from '../../shared/db/client.js';
import {
  IDEMPOTENCY_PARTITION,
  apiKeyKey,
  apiKeyListPartition,
  auditIndexPartition,
  botDataPartition,
  botIdIndexPartition,
  botKey,
  callRefKey,
  connectorBotPartition,
  contactStatusPartition,
  healthCheckPartition,
  outboxKey,
  phoneClaimKey,
  rateLimitKey,
  teamKey,
  webhookSecretKey,
} from '../../shared/db/keys.js';

/*
 * The local stand-in for IAM's dynamodb:LeadingKeys conditions: which partition keys a command carries, and that a
 * function running in its scope is refused what it did not declare, against the real DynamoDB Local.
 */

describe('partition families (infra/route-needs.ts) cover the keys shared/db/keys.ts builds', () => {
  it.each([
    ['team', teamKey('t1').PK],
    ['team', botDataPartition('t1', 'b1', 3)],
    ['team', apiKeyListPartition('t1')],
    ['team', auditIndexPartition.GSI5('t1', 'bots', 'update')],
    ['team', connectorBotPartition('t1', 'b1')],
    ['team', contactStatusPartition('t1', 'b1', 0, 'inactive')],
    ['apiKey', apiKeyKey('k1').PK],
    ['botId', botIdIndexPartition('b1')],
    ['rateLimit', rateLimitKey('TEAM#t1#dialout', 1_700_000_000).PK],
    ['idempotency', IDEMPOTENCY_PARTITION],
    ['outbox', outboxKey(3, '2026-01-01T00:00:00.000Z', 'e1').PK],
    ['callRef', callRefKey('t1', 'c1').PK],
    ['webhookSecret', webhookSecretKey('t1').PK],
    ['healthCheck', healthCheckPartition(2)],
    ['phoneClaim', phoneClaimKey('+14155550100').PK],
  ] as const)('%s matches %s', (family, pk) => {
    const s = accessScopeOf('probe', { table: { read: [family] } });
    expect(violation(s, 'GetItem', { Key: { PK: pk, SK: 'x' } }), family).toBeUndefined();
    // and no other family does
    const others = accessScopeOf('probe', {
      table: {
        read: [
          'team',
          'apiKey',
          'botId',
          'rateLimit',
          'idempotency',
          'outbox',
          'callRef',
          'webhookSecret',
          'healthCheck',
          'phoneClaim',
        ].filter((f) => f !== family) as never,
      },
    });
    expect(violation(others, 'GetItem', { Key: { PK: pk, SK: 'x' } })).toBeDefined();
  });
});

describe('requestedKeys', () => {
  it('reads the partition key of items and keys, marshalled or not, by read and write', () => {
    expect(requestedKeys('GetItem', { Key: { PK: 'TEAM#1', SK: 'TEAM' } })).toEqual({ read: ['TEAM#1'], write: [] });
    expect(requestedKeys('PutItem', { Item: { PK: { S: 'APIKEY#1' }, SK: { S: 'APIKEY' } } })).toEqual({ read: [], write: ['APIKEY#1'] });
    expect(
      requestedKeys('TransactWriteItems', {
        TransactItems: [
          { Put: { Item: { PK: 'TEAM#1' } } },
          { Update: { Key: { PK: 'OUTBOX#2' } } },
          { Delete: { Key: { PK: 'CALLREF#3' } } },
          { ConditionCheck: { Key: { PK: 'TEAM#1' } } },
        ],
      }),
    ).toEqual({ read: ['TEAM#1'], write: ['TEAM#1', 'OUTBOX#2', 'CALLREF#3'] });
    expect(
      requestedKeys('BatchWriteItem', {
        RequestItems: { t: [{ DeleteRequest: { Key: { PK: 'TEAM#1#BOT#b#G0' } } }, { PutRequest: { Item: { PK: 'X' } } }] },
      }),
    ).toEqual({ read: [], write: ['TEAM#1#BOT#b#G0', 'X'] });
    expect(requestedKeys('BatchGetItem', { RequestItems: { t: { Keys: [{ PK: 'A' }, { PK: 'B' }] } } })).toEqual({
      read: ['A', 'B'],
      write: [],
    });
  });

  it('reads the partition of a Query from its key condition, the index partition key on an index', () => {
    expect(
      requestedKeys('Query', {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': 'TEAM#1', ':p': 'BOT#' },
      }),
    ).toEqual({
      read: ['TEAM#1'],
      write: [],
    });
    expect(
      requestedKeys('Query', {
        IndexName: 'GSI1',
        KeyConditionExpression: '#pk = :v',
        ExpressionAttributeNames: { '#pk': 'GSI1PK' },
        ExpressionAttributeValues: { ':v': { S: 'BOTID#b1' } },
      }),
    ).toEqual({ read: ['BOTID#b1'], write: [] });
    // a condition on the base table's PK does not name an index partition
    expect(
      requestedKeys('Query', { IndexName: 'GSI2', KeyConditionExpression: 'PK = :v', ExpressionAttributeValues: { ':v': 'x' } }),
    ).toHaveProperty('unsupported');
  });

  it('has nothing to check in a Scan or DescribeTable, which no function is allowed', () => {
    expect(requestedKeys('Scan', {})).toHaveProperty('unsupported');
    expect(violation(accessScopeOf('x', { table: { write: ['team'] } }), 'Scan', {})).toMatch(/Scan/);
  });
});

describe('scopes derived from the declarations', () => {
  it('lets GET routes read only, and a write route write only what it declares', () => {
    const getBot = routeScope(route('getBot'));
    expect(violation(getBot, 'GetItem', { Key: botKey('t', 'b') })).toBeUndefined();
    expect(violation(getBot, 'PutItem', { Item: botKey('t', 'b') })).toMatch(/getBot may not write partition "TEAM#t"/);
    const createBot = routeScope(route('createBot'));
    expect(violation(createBot, 'PutItem', { Item: { PK: IDEMPOTENCY_PARTITION, SK: 'createBot#x' } })).toBeUndefined();
    expect(violation(createBot, 'PutItem', { Item: apiKeyKey('k') })).toMatch(/may not write partition "APIKEY#k"/);
  });

  it('lets the authorizer touch API key items only, and the contact timer routes the local timers', () => {
    expect(violation(authorizerScope(), 'UpdateItem', { Key: apiKeyKey('k') })).toBeUndefined();
    expect(violation(authorizerScope(), 'GetItem', { Key: teamKey('t') })).toMatch(/authorizer may not read partition "TEAM#t"/);
    expect(
      violation(routeScope(route('putContactBotStatus')), 'PutItem', { Item: { PK: 'LOCALTIMER#reactivate-1', SK: 'LOCALTIMER' } }),
    ).toBeUndefined();
    expect(violation(routeScope(route('getContactBotStatus')), 'DeleteItem', { Key: { PK: 'LOCALTIMER#reactivate-1' } })).toBeDefined();
    expect(violation(jobScope('events/outbox-relay'), 'UpdateItem', { Key: outboxKey(0, 'a', 'b') })).toBeUndefined();
    expect(violation(jobScope('events/outbox-relay'), 'GetItem', { Key: teamKey('t') })).toBeDefined();
  });

  it('exists for every route', () => {
    for (const r of ROUTES) expect(routeScope(r).name).toBe(r.operation);
  });
});

describe('the middleware on the shared DynamoDB client', () => {
  let uninstall: () => void;
  const lines: string[] = [];
  beforeAll(() => {
    uninstall = installPartitionGuard(dynamo, { mode: 'enforce', log: (l) => lines.push(l) });
  });
  afterAll(() => uninstall());

  it('refuses, before sending, what the running function did not declare, as AccessDeniedException', async () => {
    const T = tableName();
    await expect(
      runInScope(routeScope(route('getBot')), () =>
        doc.send(new PutCommand({ TableName: T, Item: { PK: 'APIKEY#guard-test', SK: 'APIKEY' } })),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringMatching(/getBot may not write partition "APIKEY#guard-test"/),
    });
    expect(lines.at(-1)).toMatch(/local partition check: getBot may not write/);
    // nothing was written
    const got = await doc.send(new GetCommand({ TableName: T, Key: { PK: 'APIKEY#guard-test', SK: 'APIKEY' } }));
    expect(got.Item).toBeUndefined();
  });

  it('passes what it declared, transactions and index queries included, and everything outside a function', async () => {
    const T = tableName();
    await runInScope(routeScope(route('createBot')), () =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: T, Item: { PK: 'TEAM#guard-test', SK: 'BOT#1' } } },
            { Put: { TableName: T, Item: { PK: IDEMPOTENCY_PARTITION, SK: 'guard-test' } } },
          ],
        }),
      ),
    );
    const indexed = await runInScope(routeScope(route('preflightWidgetSession')), () =>
      doc.send(
        new QueryCommand({
          TableName: T,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': botIdIndexPartition('none') },
        }),
      ),
    );
    expect(indexed.Items).toEqual([]);
    // a transaction with one undeclared item fails whole
    await expect(
      runInScope(routeScope(route('createBot')), () =>
        doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: T, Item: { PK: 'TEAM#guard-test', SK: 'BOT#2' } } },
              { Put: { TableName: T, Item: webhookSecretKey('guard-test') } },
            ],
          }),
        ),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    // unscoped (start-up, CLI): unchecked
    await doc.send(new PutCommand({ TableName: T, Item: { PK: 'ANYTHING#guard-test', SK: 'x' } }));
  });
});
