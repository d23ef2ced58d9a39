import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { teamSettingsKey } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import { Conflict, PreconditionFailed } from '../errors.js';

/**
 * The team's dialling settings and its call slots, in one item (`teamSettingsKey`): `maxConcurrentCalls`, the
 * ceiling on the team's calls in flight (campaign calls and single dialouts together), and `inFlight`, the slots
 * taken. A slot is a conditional counter in that item: taken in the same transaction that queues a call
 * (`takeTeamSlot`), released in the same transaction that ends it (`releaseTeamSlot`).
 */
export const DEFAULT_TEAM_MAX_CONCURRENT_CALLS = 10;

export type TeamSettings = { maxConcurrentCalls: number; inFlight: number; updatedAt: string | null };
type StoredSettings = TeamSettings & { version?: number };

const T = () => tableName();

export function toTeamSettings(item: Record<string, unknown> | undefined): TeamSettings {
  const s = (item ?? {}) as Partial<StoredSettings>;
  return {
    maxConcurrentCalls: s.maxConcurrentCalls ?? DEFAULT_TEAM_MAX_CONCURRENT_CALLS,
    inFlight: Math.max(0, Number(s.inFlight ?? 0)),
    updatedAt: s.updatedAt ?? null,
  };
}

export async function getTeamSettings(teamId: string, consistent = false): Promise<TeamSettings & { version: number }> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: teamSettingsKey(teamId), ConsistentRead: consistent }));
  return { ...toTeamSettings(res.Item), version: Number(res.Item?.version ?? 0) };
}

/**
 * `PUT /settings` (admin): the new ceiling, with its audit event, conditional on the version read (`If-Match`: 412
 * when stale). Lowering it below the calls in flight takes no call down: new calls wait until enough end.
 */
export async function updateTeamSettings(
  teamId: string,
  maxConcurrentCalls: number,
  actor: Actor,
  requiredVersion?: number,
): Promise<TeamSettings & { version: number }> {
  return retryOnConflict(
    async () => {
      const current = await getTeamSettings(teamId, true);
      if (requiredVersion !== undefined && current.version !== requiredVersion) throw new PreconditionFailed();
      const now = new Date().toISOString();
      await transactWrite([
        {
          Update: {
            TableName: T(),
            Key: teamSettingsKey(teamId),
            UpdateExpression:
              'SET entity = :e, maxConcurrentCalls = :max, inFlight = if_not_exists(inFlight, :zero), updatedAt = :now, version = :next',
            ConditionExpression: current.version === 0 ? 'attribute_not_exists(version)' : 'version = :v',
            ExpressionAttributeValues: {
              ':e': 'teamSettings',
              ':max': maxConcurrentCalls,
              ':zero': 0,
              ':now': now,
              ':next': current.version + 1,
              ...(current.version === 0 ? {} : { ':v': current.version }),
            },
          },
        },
        auditPut(
          teamId,
          {
            actor,
            module: 'team',
            action: 'update_settings',
            targetId: teamId,
            changes: { maxConcurrentCalls: { before: current.maxConcurrentCalls, after: maxConcurrentCalls } },
          },
          now,
        ),
      ]);
      return { maxConcurrentCalls, inFlight: current.inFlight, updatedAt: now, version: current.version + 1 };
    },
    { onExhausted: () => new Conflict('The settings kept changing; retry.') },
  );
}

/**
 * The transaction item that takes one of the team's slots: `inFlight + 1`, conditional on `inFlight` being below
 * `maxConcurrentCalls` (the default ceiling when the team never set one). Its condition failing means "no slot".
 */
export const takeTeamSlot = (teamId: string): TransactItem => ({
  Update: {
    TableName: T(),
    Key: teamSettingsKey(teamId),
    UpdateExpression: 'SET entity = :e, maxConcurrentCalls = if_not_exists(maxConcurrentCalls, :dflt) ADD inFlight :one',
    ConditionExpression: '(attribute_not_exists(inFlight) AND :one <= :dflt) OR inFlight < maxConcurrentCalls',
    ExpressionAttributeValues: { ':e': 'teamSettings', ':dflt': DEFAULT_TEAM_MAX_CONCURRENT_CALLS, ':one': 1 },
  },
});

/**
 * The transaction item that takes `n` slots at once (a dispatcher batch), given the ceiling read: conditional on the
 * ceiling being unchanged and `inFlight + n` staying within it (a condition cannot add, so it compares `inFlight` with
 * `max - n`).
 */
export const takeTeamSlots = (teamId: string, n: number, maxRead: number): TransactItem => ({
  Update: {
    TableName: T(),
    Key: teamSettingsKey(teamId),
    UpdateExpression: 'SET entity = :e, maxConcurrentCalls = if_not_exists(maxConcurrentCalls, :dflt) ADD inFlight :n',
    ConditionExpression:
      '(attribute_not_exists(inFlight) AND :n <= :dflt AND :max = :dflt) OR (inFlight <= :limit AND maxConcurrentCalls = :max)',
    ExpressionAttributeValues: {
      ':e': 'teamSettings',
      ':dflt': DEFAULT_TEAM_MAX_CONCURRENT_CALLS,
      ':n': n,
      ':limit': maxRead - n,
      ':max': maxRead,
    },
  },
});

/** The transaction item that gives a slot back (with the end of the call that held it). */
export const releaseTeamSlot = (teamId: string): TransactItem => ({
  Update: {
    TableName: T(),
    Key: teamSettingsKey(teamId),
    UpdateExpression: 'ADD inFlight :minus',
    ExpressionAttributeValues: { ':minus': -1 },
  },
});
