import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { botKey, callKey, WAITING_CALL_SHARDS, waitingCallsPartition, watchdogIndex } from '../../db/keys.js';
import { transactWrite } from '../../db/transact.js';
import { type OutboxEntry, outboxPut } from '../../events/outbox.js';
import type { StoredBot } from '../bots/model.js';
import { takeTeamSlot } from '../team/settings.js';
import { CALL_REQUESTED } from './fields.js';
import { watchdogDeadline } from './slots.js';
import type { StoredCall } from './store.js';

/** Who moves calls out of the waiting queue and places campaign calls, in the audit log. */
export const DISPATCHER_ACTOR: Actor = { email: 'system:dispatcher', role: 'system' };

const T = () => tableName();

class NoSlot extends Error {}

/** The `CallRequested` event of a call taken into flight (`campaignId`, `attempt` and the variables included). */
export function callRequested(call: StoredCall, at: string) {
  return outboxPut(
    {
      id: `${CALL_REQUESTED}:${call.id}`,
      detailType: CALL_REQUESTED,
      time: at,
      detail: {
        teamId: call.teamId,
        botId: call.botId,
        callId: call.id,
        to: call.to,
        from: call.from,
        variables: call.variables,
        sipHeaders: call.sipHeaders,
        queuedAt: call.queuedAt,
        ...(call.campaignId ? { campaignId: call.campaignId, attempt: call.attempt } : {}),
      },
    },
    at,
  );
}

/**
 * Serves the dialouts waiting for a slot, oldest first across every team (the waiting index's shards merged by
 * the time they were accepted): each whose team has a free slot becomes `queued` in one transaction with the slot,
 * its watchdog entry, its `CallRequested` outbox entry and an audit event, conditional on it still waiting. A team
 * found full is skipped for the rest of the pass, so its calls keep their order. Returns the committed entries to
 * publish.
 */
export async function serveWaitingCalls(opts: { limit: number; now: () => number }): Promise<OutboxEntry[]> {
  const pages = await Promise.all(
    Array.from({ length: WAITING_CALL_SHARDS }, (_, shard) =>
      doc.send(
        new QueryCommand({
          TableName: T(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': waitingCallsPartition(shard) },
          Limit: opts.limit,
        }),
      ),
    ),
  );
  const waiting = pages
    .flatMap((p) => (p.Items ?? []) as (StoredCall & { GSI2SK: string })[])
    .sort((a, b) => (a.GSI2SK < b.GSI2SK ? -1 : 1))
    .slice(0, opts.limit);
  const fullTeams = new Set<string>();
  const bots = new Map<string, Promise<StoredBot | undefined>>();
  const entries: OutboxEntry[] = [];
  for (const call of waiting) {
    if (fullTeams.has(call.teamId)) continue;
    const botId = `${call.teamId}/${call.botId}`;
    if (!bots.has(botId)) {
      bots.set(
        botId,
        doc.send(new GetCommand({ TableName: T(), Key: botKey(call.teamId, call.botId) })).then((r) => r.Item as StoredBot | undefined),
      );
    }
    const bot = await bots.get(botId);
    const at = new Date(opts.now()).toISOString();
    const queued: StoredCall = { ...call, status: 'queued', holdsSlot: true, version: call.version + 1, updatedAt: at };
    const { entry, put } = callRequested(queued, at);
    const watchdog = watchdogIndex(call.teamId, call.id, watchdogDeadline(bot?.maxCallDurationSeconds, opts.now()));
    try {
      await transactWrite([
        {
          item: {
            Update: {
              TableName: T(),
              Key: callKey(call.teamId, call.botId, call.dataGeneration, call.id),
              UpdateExpression:
                'SET #status = :queued, holdsSlot = :true, version = :nv, updatedAt = :at, events = list_append(events, :ev), GSI4PK = :wpk, GSI4SK = :wsk REMOVE GSI2PK, GSI2SK, GSI3PK, GSI3SK',
              ConditionExpression: 'version = :v AND #status = :waiting',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':queued': 'queued',
                ':waiting': 'waiting',
                ':true': true,
                ':nv': call.version + 1,
                ':v': call.version,
                ':at': at,
                ':ev': [{ type: 'queued', at }],
                ':wpk': watchdog.GSI4PK,
                ':wsk': watchdog.GSI4SK,
              },
            },
          },
          // another pass took it, or the index was stale
          onConditionFailed: () => new Error('taken'),
        },
        { item: takeTeamSlot(call.teamId), onConditionFailed: () => new NoSlot() },
        put,
        auditPut(
          call.teamId,
          {
            actor: DISPATCHER_ACTOR,
            module: 'calls',
            action: 'update',
            botId: call.botId,
            targetId: call.id,
            changes: { status: { before: 'waiting', after: 'queued' } },
          },
          at,
        ),
      ]);
      entries.push(entry);
    } catch (error) {
      if (error instanceof NoSlot) fullTeams.add(call.teamId);
      // Any other refusal (taken by another pass, a conflict): the next pass reads the queue again.
    }
  }
  return entries;
}
