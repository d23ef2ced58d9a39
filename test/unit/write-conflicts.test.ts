import { type CancellationReason, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as updateBot } from '../../functions/bots/update.js';
import { buildNewBot } from '../../shared/domain/bots/model.js';
import { apiEvent, invoke } from '../support/api-event.js';

/** Fault injection on `PUT /bots/{botId}` (aws-sdk-client-mock on the DocumentClient): conflicts and throttling. */
const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const principal = { teamId: 'T1', memberId: 'M1', email: 'a@example.test', role: 'member' as const, keyId: 'K1' };
const bot = { ...buildNewBot({ name: 'Busy' }), teamId: 'T1' };
const put = () =>
  invoke(
    updateBot,
    apiEvent({
      method: 'PUT',
      path: `/api/teams/T1/bots/${bot.id}`,
      pathParameters: { teamId: 'T1', botId: bot.id },
      principal,
      body: { description: 'new' },
    }),
  );
const cancelled = (...reasons: CancellationReason[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
    $metadata: {},
    CancellationReasons: reasons,
  });
const NONE = { Code: 'None' };
const CONFLICT = { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' };
/** The condition failed, and DynamoDB returns the bot as it is now (`ReturnValuesOnConditionCheckFailure: ALL_OLD`). */
const changed = (version: number) => ({
  Code: 'ConditionalCheckFailed',
  Item: marshall({ ...bot, version }, { removeUndefinedValues: true }),
});

describe('a write that keeps losing the race, or is throttled', () => {
  it('answers 409 problem+json when every attempt is cancelled for a transaction conflict, after retrying with back-off', async () => {
    ddb.on(GetCommand).resolves({ Item: bot });
    ddb.on(TransactWriteCommand).rejects(cancelled(CONFLICT, NONE));
    const res = await put();
    expect(res.statusCode).toBe(409);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(res.json).toMatchObject({ title: 'Conflict', status: 409, detail: 'The bot changed during the update; retry.' });
    // retried, and bounded
    const writes = ddb.commandCalls(TransactWriteCommand).length;
    expect(writes).toBeGreaterThan(1);
    expect(writes).toBeLessThanOrEqual(20);
  });

  it('answers 409 when the version read is always stale by the time it writes', async () => {
    let version = bot.version;
    ddb.on(GetCommand).callsFake(() => ({ Item: { ...bot, version: version++ } }));
    ddb.on(TransactWriteCommand).callsFake(() => {
      throw cancelled(changed(version + 1), NONE);
    });
    const res = await put();
    expect(res.statusCode).toBe(409);
    expect(res.json.detail).toBe('The bot changed during the update; retry.');
  });

  it('answers 503 with Retry-After when DynamoDB throttles the read or cancels the transaction for throttling', async () => {
    ddb
      .on(GetCommand)
      .rejects(Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ThrottlingException', $metadata: {} }));
    const read = await put();
    expect(read.statusCode).toBe(503);
    expect(read.headers['Retry-After']).toBe('1');
    expect(JSON.stringify(read.json)).not.toContain('capacity');

    ddb.reset();
    ddb.on(GetCommand).resolves({ Item: bot });
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ThrottlingError', Message: 'Throughput exceeds the current capacity' }, NONE));
    const write = await put();
    expect(write.statusCode).toBe(503);
    expect(write.headers['Retry-After']).toBe('1');
    expect(write.json).toMatchObject({ title: 'Service Unavailable', status: 503 });
  });

  it('succeeds when a later attempt wins', async () => {
    ddb.on(GetCommand).resolves({ Item: bot });
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(CONFLICT, NONE))
      .rejectsOnce(cancelled(changed(bot.version + 1), NONE))
      .resolves({});
    const res = await put();
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({ id: bot.id, description: 'new' });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });
});
