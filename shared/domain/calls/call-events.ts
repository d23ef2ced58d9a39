import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { tableName } from '../../db/client.js';
import { callKey } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import { outboxPut, publishCommitted } from '../../events/outbox.js';
import { campaignCallEnded, optOutItems } from '../campaigns/outcome.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { releaseTeamSlot } from '../team/settings.js';
import { requestDispatch } from './slots.js';
import { declaredFields, validateDeclaredValues } from './declarations.js';
import { CALL_ENDED, type CallStatus, FINAL_STATUSES, movesForward } from './fields.js';
import type { CallEvent } from './schema.js';
import { type Call, findCall, type StoredCall, toCall } from './store.js';

const T = () => tableName();

const TIMESTAMP_OF: Partial<Record<CallStatus, 'ringingAt' | 'startedAt' | 'endedAt'>> = {
  ringing: 'ringingAt',
  in_progress: 'startedAt',
  completed: 'endedAt',
  failed: 'endedAt',
};

/**
 * `POST /calls/{callId}/events`: the telephony side reports progress and outcome. The status only moves forward
 * (409 otherwise: same or earlier status, or anything after completed/failed). `analysis` and `qc` must match the
 * fields the bot's prompts declare (400 naming each path). On `completed`/`failed` the call's `result` is stored
 * and, when the bot has an enabled post-call push, `push` starts `pending`: the `CallEnded` event, written to the
 * outbox in the same transaction, drives the delivery, so this route never waits for the CRM.
 * The write is conditional on the version read; a concurrent event makes it re-read and re-check (up to 3 times).
 */
export async function reportCallEvent(teamId: string, callId: string, input: CallEvent, actor: Actor): Promise<Call> {
  const next = await retryOnConflict(() => recordCallEvent(teamId, callId, input, actor), {
    onExhausted: () => new Conflict('The call changed meanwhile; retry.'),
  });
  return toCall(next);
}

/** One attempt of `reportCallEvent`: read, check, one transaction conditional on the version read; publishes `CallEnded`. */
async function recordCallEvent(teamId: string, callId: string, input: CallEvent, actor: Actor): Promise<StoredCall> {
  const found = await findCall(teamId, callId);
  if (!found) throw new NotFound('Call');
  const { bot, call } = found;
  if (call.status === 'waiting') {
    throw new Conflict('The call is waiting for a slot: the telephony side has not been asked to place it yet.', {
      currentStatus: 'waiting',
    });
  }
  if (!movesForward(call.status, input.type)) {
    throw new Conflict(`The call is ${call.status}; it cannot become ${input.type} (statuses only move forward).`, {
      currentStatus: call.status,
    });
  }
  const errors = [
    ...(input.analysis ? validateDeclaredValues('analysis', input.analysis, declaredFields(bot, 'analysis')) : []),
    ...(input.qc ? validateDeclaredValues('qc', input.qc, declaredFields(bot, 'qc')) : []),
  ];
  if (errors.length) throw new Invalid(errors);

  const now = new Date().toISOString();
  const at = input.at ?? now;
  const final = FINAL_STATUSES.includes(input.type);
  const push = bot.postCallPush?.enabled && bot.postCallPush.url;
  const next: StoredCall = {
    ...call,
    status: input.type,
    events: [...call.events, { type: input.type, at }],
    [TIMESTAMP_OF[input.type]!]: at,
    updatedAt: now,
    version: call.version + 1,
    ...(final
      ? {
          result: { ...input.result, status: input.type },
          analysis: input.analysis ?? null,
          qc: input.qc ?? null,
          push: push ? { status: 'pending', url: push, attempts: [], nextAttemptAt: null } : null,
        }
      : {}),
  };
  const outbox = final
    ? outboxPut(
        {
          id: `${CALL_ENDED}:${callId}`,
          detailType: CALL_ENDED,
          time: at,
          detail: {
            teamId,
            botId: call.botId,
            callId,
            status: input.type,
            pushRequested: Boolean(push),
            ...(call.campaignId ? { campaignId: call.campaignId, attempt: call.attempt } : {}),
          },
        },
        now,
      )
    : undefined;
  // Leaving flight: the slots go back and the watchdog entry goes (a final call carries no GSI4 key).
  const ending: TransactItem[] = [];
  if (final) {
    delete (next as Record<string, unknown>).GSI4PK;
    delete (next as Record<string, unknown>).GSI4SK;
    if (call.holdsSlot) ending.push(releaseTeamSlot(teamId));
    const optOut = bot.optOutField ? input.analysis?.[bot.optOutField.slice('analysis.'.length)] === true : false;
    if (call.campaignId) {
      const { items } = await campaignCallEnded({
        teamId,
        campaignId: call.campaignId,
        phone: call.to,
        callId,
        holdsSlot: Boolean(call.holdsSlot),
        status: input.type as 'completed' | 'failed',
        result: input.result ?? null,
        botTimezone: bot.timezone ?? null,
        optedOut: optOut,
        endedAt: Date.parse(at),
      });
      ending.push(...items);
    }
    if (optOut) ending.push(...optOutItems(teamId, call.botId, call.to, callId, now));
  }
  // The call changed since it was read (another event): read it again and check the order again. A contact that
  // changed meanwhile is read again too.
  await transactWrite([
    ...ending,
    {
      Put: {
        TableName: T(),
        Item: { ...callKey(teamId, call.botId, call.dataGeneration, callId), entity: 'call', ...next },
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': call.version },
      },
    },
    auditPut(
      teamId,
      {
        actor,
        module: 'calls',
        action: 'update',
        botId: call.botId,
        targetId: callId,
        changes: { status: { before: call.status, after: input.type } },
      },
      now,
    ),
    ...(outbox ? [outbox.put] : []),
  ]);
  if (outbox) await publishCommitted([outbox.entry]);
  if (final && call.holdsSlot) await requestDispatch('call-ended');
  return next;
}
