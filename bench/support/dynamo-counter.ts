/**
 * Counts the DynamoDB commands sent by the process's shared client (`shared/db/client.ts`): a middleware on
 * `dynamo.middlewareStack`, which the Document client `doc` and Powertools idempotency (`awsSdkV3Client: dynamo`)
 * share. Each command is counted once, at the initialize step (SDK retries are not counted), and attributed to
 * the phase it ran in: the authorizer or the route handler (set around each Lambda invocation with
 * AsyncLocalStorage), or `outside` (bench setup). Import only after `BenchContext.dynamo()` set the environment.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';

export type Phase = 'authorizer' | 'handler' | 'outside';
/** One DynamoDB command: `command` without the `Command` suffix (GetItem, Query, TransactWriteItems, ...). */
export type CommandRecord = { phase: Phase; command: string; idempotency: boolean };

const MIDDLEWARE_NAME = 'botopsBenchCommandCounter';
/** `IDEMPOTENCY_PARTITION` of shared/db/keys.ts: the PK of every Powertools idempotency record. */
const IDEMPOTENCY_PK = 'IDEMPOTENCY';

export type DynamoCounter = {
  /** Runs `fn` and returns the commands sent while it ran (one measurement at a time). */
  measure<T>(fn: () => Promise<T>): Promise<{ result: T; commands: CommandRecord[] }>;
  /** Wraps a Lambda handler so the commands it sends are attributed to `phase`. */
  inPhase<A extends unknown[], R>(phase: Exclude<Phase, 'outside'>, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
  detach(): void;
};

export async function attachDynamoCounter(): Promise<DynamoCounter> {
  const { dynamo, doc, tableName } = await import('../../shared/db/client.js');
  const phase = new AsyncLocalStorage<Exclude<Phase, 'outside'>>();
  let sink: CommandRecord[] | undefined;

  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      sink?.push({
        phase: phase.getStore() ?? 'outside',
        command: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
        idempotency: isIdempotencyRecord(args.input),
      });
      return next(args);
    },
    { step: 'initialize', name: MIDDLEWARE_NAME, priority: 'high', override: true },
  );

  const counter: DynamoCounter = {
    async measure(fn) {
      if (sink) throw new Error('measurements cannot overlap');
      sink = [];
      try {
        const result = await fn();
        return { result, commands: sink };
      } finally {
        sink = undefined;
      }
    },
    inPhase:
      (p, fn) =>
      (...args) =>
        phase.run(p, () => fn(...args)),
    detach: () => void dynamo.middlewareStack.remove(MIDDLEWARE_NAME),
  };

  // The Document client must share the counted stack, or every handler would read as 0 requests.
  const probe = await counter.measure(async () => {
    await doc.send(new GetCommand({ TableName: tableName(), Key: { PK: 'BENCH#probe', SK: 'probe' } }));
    await dynamo.send(new DescribeTableCommand({ TableName: tableName() }));
  });
  const seen = probe.commands.map((c) => c.command).join(',');
  if (seen !== 'GetItem,DescribeTable') {
    counter.detach();
    throw new Error(`DynamoDB command counter self-check failed: expected GetItem,DescribeTable, saw "${seen}"`);
  }
  return counter;
}

/** True when the command targets a Powertools idempotency record (Item or Key PK, marshalled or not). */
function isIdempotencyRecord(input: unknown): boolean {
  const i = input as { Item?: { PK?: unknown }; Key?: { PK?: unknown } } | undefined;
  const pk = i?.Item?.PK ?? i?.Key?.PK;
  return pk === IDEMPOTENCY_PK || (typeof pk === 'object' && pk !== null && (pk as { S?: unknown }).S === IDEMPOTENCY_PK);
}
