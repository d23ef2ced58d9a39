import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { dncKey, dncPrefix } from '../../db/keys.js';
import { prefixPage } from '../../db/prefix-page.js';
import { retryOnConflict } from '../../db/retry.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import { batchGet } from '../calls/store.js';
import { Conflict, NotFound } from '../errors.js';
import { normalizeE164 } from '../phone.js';

/**
 * The team's do-not-call (DNC) list: one item per E.164 number (`dncKey`). Every outbound path checks it: a single
 * dialout to a listed number answers 409 (problem type `.../dnc`), a campaign contact on it becomes `skipped_dnc`,
 * and the dial transaction re-checks it (`dncAbsent`), so a number added while a dial is being decided is not called.
 */
export type DncEntry = { number: string; reason: string | null; addedAt: string; addedBy: string };

const T = () => tableName();

export const toDncEntry = (item: Record<string, unknown>): DncEntry => {
  const { number, reason, addedAt, addedBy } = item as DncEntry;
  return { number, reason: reason ?? null, addedAt, addedBy };
};

/** Page of the list in E.164 order. */
export const listDnc = (teamId: string, limit: number, cursor?: string) => prefixPage(dncPrefix(teamId), limit, cursor, toDncEntry);

/** True when `number` (E.164) is on the team's list: one GetItem. */
export async function isOnDnc(teamId: string, number: string): Promise<boolean> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: dncKey(teamId, number), ProjectionExpression: 'PK' }));
  return Boolean(res.Item);
}

/** The numbers of `numbers` on the team's list (BatchGetItem, 100 keys a request). */
export async function numbersOnDnc(teamId: string, numbers: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(numbers)];
  for (let i = 0; i < unique.length; i += 100) {
    const found = await batchGet(unique.slice(i, i + 100).map((n) => dncKey(teamId, n)));
    for (const sk of found.keys()) out.add(sk.slice('DNC#'.length));
  }
  return out;
}

/** A transaction item that holds only while `number` is not on the list (the dial decides with it). */
export const dncAbsent = (teamId: string, number: string): TransactItem => ({
  ConditionCheck: { TableName: T(), Key: dncKey(teamId, number), ConditionExpression: 'attribute_not_exists(PK)' },
});

/**
 * The Update that puts `number` on the list unless it is there already (the first entry's reason and author are
 * kept): idempotent, so it can join any transaction (an opt-out reported with a call's outcome).
 */
export const dncUpsert = (teamId: string, number: string, reason: string | null, addedBy: string, at: string): TransactItem => ({
  Update: {
    TableName: T(),
    Key: dncKey(teamId, number),
    UpdateExpression:
      'SET entity = :e, #number = :n, reason = if_not_exists(reason, :r), addedAt = if_not_exists(addedAt, :at), addedBy = if_not_exists(addedBy, :by)',
    ExpressionAttributeNames: { '#number': 'number' },
    ExpressionAttributeValues: { ':e': 'dnc', ':n': number, ':r': reason, ':at': at, ':by': addedBy },
  },
});

/** Numbers per transaction, besides its audit event. */
const PER_TRANSACTION = 99;

/**
 * `POST /dnc` (admin): adds the numbers (normalised to E.164 and deduplicated here) not on the list yet, each chunk of 99
 * in one transaction with an audit event listing them. Returns how many were added; numbers already listed keep
 * their entry.
 */
export async function addToDnc(teamId: string, numbers: string[], reason: string | null, actor: Actor): Promise<{ added: number }> {
  const unique = [...new Set(numbers.map((n) => normalizeE164(n) ?? n))];
  let added = 0;
  for (let i = 0; i < unique.length; i += PER_TRANSACTION) {
    const chunk = unique.slice(i, i + PER_TRANSACTION);
    added += await retryOnConflict(
      async () => {
        const listed = await numbersOnDnc(teamId, chunk);
        const fresh = chunk.filter((n) => !listed.has(n));
        if (!fresh.length) return 0;
        const now = new Date().toISOString();
        await transactWrite([
          ...fresh.map((n) => ({
            Put: {
              TableName: T(),
              Item: { ...dncKey(teamId, n), entity: 'dnc', number: n, reason, addedAt: now, addedBy: actor.email },
              // listed meanwhile: read again
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          })),
          auditPut(
            teamId,
            {
              actor,
              module: 'dnc',
              action: 'add',
              targetId: fresh.length === 1 ? (fresh[0] as string) : `${fresh.length} numbers`,
              changes: { numbers: { before: null, after: fresh } },
            },
            now,
          ),
        ]);
        return fresh.length;
      },
      { onExhausted: () => new Conflict('The DNC list kept changing; retry.') },
    );
  }
  return { added };
}

/** `DELETE /dnc/{number}` (admin): removes the entry with its audit event; 404 when the number is not listed. */
export async function removeFromDnc(teamId: string, number: string, actor: Actor): Promise<void> {
  await transactWrite([
    {
      item: {
        Delete: { TableName: T(), Key: dncKey(teamId, number), ConditionExpression: 'attribute_exists(PK)' },
      },
      onConditionFailed: () => new NotFound('DNC entry'),
    },
    auditPut(teamId, { actor, module: 'dnc', action: 'delete', targetId: number, changes: { number: { before: number, after: null } } }),
  ]);
}
