import { config } from '../../shared/config.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AUTHORIZER_NEEDS, type FunctionNeeds, JOB_NEEDS, type JobModule, leadingKeysOf, needsOf } from '../route-needs.js';
import { LOCAL_DEAD_TIMERS_PARTITION, LOCAL_TIMERS_PARTITION, localTimerKey } from '../../shared/db/keys.js';
import type { RouteDef } from '../../shared/http/route.js';

/**
 * The local runtime's stand-in for the deployed functions' IAM policies: a middleware on the process's DynamoDB
 * client checks every command sent while a route handler, the authorizer or a job runs against the partitions
 * that function declares in `infra/route-needs.ts`, exactly as the stack's `dynamodb:LeadingKeys` conditions
 * will on AWS (the partition key of every item; of the index for a Query on an index). A command outside its
 * function's declaration fails with `AccessDeniedException`, as it would on AWS, so `npm start` and the
 * end-to-end tests prove the declarations complete. Commands sent outside any function (start-up, the operator
 * CLI, the local scheduler's own bookkeeping) are not checked.
 *
 * `LOCAL_PARTITION_CHECK`: `enforce` (default) fails the command, `warn` only logs it, `off` skips the check.
 */

/** What one running function may touch: LeadingKeys patterns (`StringLike`, `*` any characters). */
export type AccessScope = { readonly name: string; readonly read: readonly string[]; readonly write: readonly string[] };

/** Local stand-ins of AWS resources that live in the table locally: the scheduler keeps timers there. */
const LOCAL_PARTITIONS: Partial<Record<NonNullable<FunctionNeeds['uses']>[number], string[]>> = {
  contactTimers: [localTimerKey('*').PK, LOCAL_TIMERS_PARTITION, LOCAL_DEAD_TIMERS_PARTITION],
};

/** The scope of a function with `needs` (the table access its IAM policy allows, plus local stand-ins). */
export function accessScopeOf(name: string, needs: FunctionNeeds): AccessScope {
  const keys = leadingKeysOf(needs);
  const local = (needs.uses ?? []).flatMap((c) => LOCAL_PARTITIONS[c] ?? []);
  return { name, read: [...keys.read, ...local], write: [...keys.write, ...local] };
}

export const routeScope = (route: RouteDef) => accessScopeOf(route.operation, needsOf(route));
export const authorizerScope = () => accessScopeOf('authorizer', AUTHORIZER_NEEDS);
export const jobScope = (module: JobModule) => accessScopeOf(module, JOB_NEEDS[module]);

const current = new AsyncLocalStorage<AccessScope>();

/**
 * Runs `fn` as the function of `scope`: its DynamoDB commands, and the asynchronous work they start, are checked
 * against it. A nested call replaces the scope (a job started by a request runs as the job).
 */
export function runInScope<T>(scope: AccessScope, fn: () => T): T {
  return current.run(scope, fn);
}

/** The function running now (in this asynchronous context), if any. */
export const currentAccessScope = (): AccessScope | undefined => current.getStore();

/** The partition key values a command reads and writes, or why it has none to check. */
export type RequestedKeys = { read: string[]; write: string[] } | { unsupported: string };

type Item = Record<string, unknown>;
/** A key attribute's value, marshalled (`{ S: 'x' }`) or not. */
const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof (v as { S?: unknown } | undefined)?.S === 'string' ? (v as { S: string }).S : undefined;
const pkOf = (item: unknown): string[] => {
  const v = text((item as Item | undefined)?.PK);
  return v === undefined ? [] : [v];
};

/**
 * The leading keys of a DynamoDB command's input (`command` without the `Command` suffix, e.g. `TransactWriteItems`),
 * as IAM's `dynamodb:LeadingKeys` sees them.
 */
export function requestedKeys(command: string, input: Item): RequestedKeys {
  switch (command) {
    case 'GetItem':
      return { read: pkOf(input.Key), write: [] };
    case 'PutItem':
      return { read: [], write: pkOf(input.Item) };
    case 'UpdateItem':
    case 'DeleteItem':
      return { read: [], write: pkOf(input.Key) };
    case 'Query': {
      const pk = queryPartition(input);
      return pk === undefined ? { unsupported: 'a Query without an equality condition on the partition key' } : { read: [pk], write: [] };
    }
    case 'BatchGetItem':
      return {
        read: Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>).flatMap((r) =>
          (r.Keys ?? []).flatMap(pkOf),
        ),
        write: [],
      };
    case 'BatchWriteItem':
      return {
        read: [],
        write: Object.values((input.RequestItems ?? {}) as Record<string, Item[]>).flatMap((reqs) =>
          reqs.flatMap((r) => [...pkOf((r.PutRequest as Item | undefined)?.Item), ...pkOf((r.DeleteRequest as Item | undefined)?.Key)]),
        ),
      };
    case 'TransactWriteItems': {
      const items = (input.TransactItems ?? []) as Item[];
      return {
        read: items.flatMap((t) => pkOf((t.ConditionCheck as Item | undefined)?.Key)),
        write: items.flatMap((t) => [
          ...pkOf((t.Put as Item | undefined)?.Item),
          ...pkOf((t.Update as Item | undefined)?.Key),
          ...pkOf((t.Delete as Item | undefined)?.Key),
        ]),
      };
    }
    case 'TransactGetItems':
      return { read: ((input.TransactItems ?? []) as Item[]).flatMap((t) => pkOf((t.Get as Item | undefined)?.Key)), write: [] };
    default:
      return { unsupported: `${command}, which has no leading keys (no function is allowed it)` };
  }
}

/** The partition key value a Query selects: `<pk> = :v` in `KeyConditionExpression` (or the legacy `KeyConditions`). */
function queryPartition(input: Item): string | undefined {
  const pkName = input.IndexName ? `${String(input.IndexName)}PK` : 'PK';
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  const expression = String(input.KeyConditionExpression ?? '');
  for (const m of expression.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    const name = m[1]!.startsWith('#') ? names[m[1]!] : m[1];
    if (name === pkName) return text(values[m[2]!]);
  }
  const legacy = (input.KeyConditions as Record<string, { AttributeValueList?: unknown[] }> | undefined)?.[pkName];
  return text(legacy?.AttributeValueList?.[0]);
}

/** IAM `StringLike`: `*` matches any run of characters, `?` one character. */
function matches(value: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  );
  return re.test(value);
}

/** Why `scope` may not send `command` with `input`, or undefined when it may. */
export function violation(scope: AccessScope, command: string, input: Item): string | undefined {
  const keys = requestedKeys(command, input);
  if ('unsupported' in keys) return `${scope.name} sent ${keys.unsupported}`;
  const allowed = (values: string[], patterns: readonly string[]) => values.filter((v) => !patterns.some((p) => matches(v, p)));
  const badWrites = allowed(keys.write, scope.write);
  if (badWrites.length)
    return `${scope.name} may not write partition ${badWrites.map((k) => `"${k}"`).join(', ')} (${command}); it may write ${fmt(scope.write)}`;
  const badReads = allowed(keys.read, scope.read);
  if (badReads.length)
    return `${scope.name} may not read partition ${badReads.map((k) => `"${k}"`).join(', ')} (${command}); it may read ${fmt(scope.read)}`;
  return undefined;
}
const fmt = (patterns: readonly string[]) => (patterns.length ? patterns.join(', ') : 'nothing');

/** The error a denied command fails with: AWS's name for it, so callers handle it like the real one. */
export class PartitionAccessDenied extends Error {
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 400 };
  constructor(message: string) {
    super(`${message}. Declare what the function needs in infra/route-needs.ts (local partition check, as IAM on AWS).`);
    this.name = 'AccessDeniedException';
  }
}

const MIDDLEWARE_NAME = 'botopsLocalPartitionCheck';

/**
 * Adds the check to `client` (the shared `dynamo` client of `shared/db/client.ts`, which the Document client and
 * Powertools idempotency share). Returns a function that removes it.
 */
export function installPartitionGuard(
  client: Pick<DynamoDBClient, 'middlewareStack'>,
  opts: { mode?: 'enforce' | 'warn' | 'off'; log?: (line: string) => void } = {},
): () => void {
  const mode = opts.mode ?? config().LOCAL_PARTITION_CHECK;
  const log = opts.log ?? ((line: string) => console.error(line));
  if (mode === 'off') return () => undefined;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const scope = current.getStore();
      if (scope) {
        const command = (context.commandName ?? '').replace(/Command$/, '');
        const why = violation(scope, command, args.input as Item);
        if (why) {
          log(`botops local partition check: ${why}`);
          if (mode === 'enforce') throw new PartitionAccessDenied(why);
        }
      }
      return next(args);
    },
    { step: 'initialize', name: MIDDLEWARE_NAME, priority: 'high', override: true },
  );
  return () => void client.middlewareStack.remove(MIDDLEWARE_NAME);
}
