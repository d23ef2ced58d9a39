import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { botKey, callKey, callRefKey, phoneNumberKey, watchdogIndex } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { outboxPut, publishCommitted } from '../../events/outbox.js';
import type { StoredBot } from '../bots/model.js';
import { dncAbsent, isOnDnc } from '../dnc/dnc.js';
import { Conflict, DoNotCall, type FieldError, NotFound, Unprocessable } from '../errors.js';
import { normalizeE164 } from '../phone.js';
import { takeTeamSlot } from '../team/settings.js';
import { watchdogDeadline } from './slots.js';
import { dialoutRateLimit, enforceRateLimit } from '../rate-limit.js';
import { CALL_REQUESTED } from './fields.js';
import type { Dialout } from './schema.js';
import { batchGet, type Call, newOutboundCall, toCall } from './store.js';
import { requiredCrmNames } from './variables.js';
import { acceptWaiting } from './accept-waiting.js';

const T = () => tableName();

/** The team is at its ceiling of calls in flight (the slot's condition failed). */
class NoTeamSlot extends Error {}

/** A call as the dialout answers it: `status: "waiting"` comes with its place in the team's queue. */
export type AcceptedCall = Call & { queuePosition?: number };

/**
 * `POST .../bots/{botId}/dialout`. In order:
 * per-team rate limit (429 + Retry-After) -> the bot (404) and, with `from`, the team's phone number, in one
 * BatchGetItem -> paused bot 409 -> `to` on the team's DNC list: 409 (problem type `.../dnc`), audited ->
 * missing `crm.*` variables, `from` not this bot's number, SIP headers the bot does not allow: 422 naming each ->
 * one TransactWriteItems: the call (`queued`, holding a slot, with its watchdog deadline), its id pointer, the
 * team's slot, the `CallRequested` outbox entry, the audit event, a check that `to` is still not on the DNC list
 * and a condition that the bot is still active and in the same data generation (a pause or reset racing the
 * dialout wins) -> publish the event (left to the outbox relay when that fails).
 *
 * Beyond the team's ceiling the call is accepted as `waiting` instead (no event yet; the dispatcher queues it and
 * sends its `CallRequested` when a slot frees, oldest first) and the answer carries its `queuePosition`.
 *
 * `from` must be a phone number of the team mapped to THIS bot: a callee calling the number back reaches the bot
 * that called them.
 */
export async function dialout(teamId: string, botId: string, input: Dialout, actor: Actor): Promise<AcceptedCall> {
  await enforceRateLimit(teamId, 'dialout', dialoutRateLimit());
  const { bot, phone } = await readBotAndPhone(teamId, botId, input.from);
  if (!bot) throw new NotFound('Bot');
  if (bot.active === false) throw new Conflict('The bot is paused: it places no calls. Resume it first.', { botId });
  const to = normalizeE164(input.to) ?? input.to;
  if (await isOnDnc(teamId, to)) {
    await transactWrite([
      auditPut(teamId, {
        actor,
        module: 'calls',
        action: 'dialout_refused_dnc',
        botId,
        targetId: to,
        changes: { to: { before: null, after: to } },
      }),
    ]);
    throw new DoNotCall(to);
  }

  const errors: FieldError[] = [];
  const crm = input.variables?.crm ?? {};
  for (const name of requiredCrmNames(bot)) {
    const v = crm[name];
    if (v === undefined || v === null || v === '')
      errors.push({ path: `variables.crm.${name}`, message: `required: the bot uses {{crm.${name}}}` });
  }
  if (input.from && (!phone || phone.botId !== botId)) errors.push({ path: 'from', message: "not one of this bot's phone numbers" });
  const allowed = new Map((bot.allowedSipHeaders ?? []).map((h) => [h.toLowerCase(), h]));
  for (const h of Object.keys(input.sipHeaders ?? {})) {
    if (!allowed.has(h.toLowerCase())) errors.push({ path: `sipHeaders.${h}`, message: "not in the bot's allowedSipHeaders" });
  }
  if (errors.length) {
    const missing = errors.filter((e) => e.path.startsWith('variables.crm.')).map((e) => e.path.slice('variables.crm.'.length));
    throw new Unprocessable(
      'dialout',
      missing.length ? `Missing crm variable(s): ${missing.join(', ')}.` : `${errors.length} invalid field(s).`,
      errors,
    );
  }

  const now = new Date().toISOString();
  const generation = bot.dataGeneration ?? 0;
  const call = newOutboundCall(
    {
      botId,
      teamId,
      dataGeneration: generation,
      to,
      from: input.from ?? null,
      variables: { crm },
      sipHeaders: Object.fromEntries(Object.entries(input.sipHeaders ?? {}).map(([h, v]) => [allowed.get(h.toLowerCase())!, v])),
    },
    now,
  );
  const { entry, put } = outboxPut(
    {
      id: `${CALL_REQUESTED}:${call.id}`,
      detailType: CALL_REQUESTED,
      time: now,
      detail: {
        teamId,
        botId,
        callId: call.id,
        to: call.to,
        from: call.from,
        variables: call.variables,
        sipHeaders: call.sipHeaders,
        queuedAt: now,
      },
    },
    now,
  );
  const audit = (status: string) =>
    auditPut(
      teamId,
      {
        actor,
        module: 'calls',
        action: 'dialout',
        botId,
        targetId: call.id,
        changes: { status: { before: null, after: status }, to: { before: null, after: call.to } },
      },
      now,
    );
  const botCheck = {
    item: {
      ConditionCheck: {
        TableName: T(),
        Key: botKey(teamId, botId),
        // Bots written before data generations existed have none: that is generation 0.
        ConditionExpression:
          generation === 0
            ? 'active = :true AND (dataGeneration = :gen OR attribute_not_exists(dataGeneration))'
            : 'active = :true AND dataGeneration = :gen',
        ExpressionAttributeValues: { ':true': true, ':gen': generation },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      },
    },
    // A pause or a reset that landed after the read wins.
    onConditionFailed: (old: Record<string, unknown> | undefined) => {
      if (!old) return new NotFound('Bot');
      return old.active === false
        ? new Conflict('The bot is paused: it places no calls. Resume it first.', { botId })
        : new Conflict('The bot was reset during the dialout; retry.');
    },
  };
  const callRef = {
    Put: {
      TableName: T(),
      Item: { ...callRefKey(teamId, call.id), entity: 'callRef', botId, dataGeneration: generation },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
  const dnc = { item: dncAbsent(teamId, to), onConditionFailed: () => new DoNotCall(to) };
  const queued = { ...call, holdsSlot: true };
  try {
    await retryOnConflict(
      () =>
        transactWrite([
          {
            Put: {
              TableName: T(),
              Item: {
                ...callKey(teamId, botId, generation, call.id),
                entity: 'call',
                ...queued,
                ...watchdogIndex(teamId, call.id, watchdogDeadline(bot.maxCallDurationSeconds, Date.parse(now))),
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          callRef,
          { item: takeTeamSlot(teamId), onConditionFailed: () => new NoTeamSlot() },
          put,
          audit('queued'),
          botCheck,
          dnc,
        ]),
      { onExhausted: () => new Conflict('The call could not be created; retry.') },
    );
  } catch (error) {
    if (!(error instanceof NoTeamSlot)) throw error;
    return acceptWaiting(teamId, { ...call, status: 'waiting', events: [{ type: 'waiting', at: now }] }, [
      callRef,
      audit('waiting'),
      botCheck,
      dnc,
    ]);
  }
  await publishCommitted([entry]);
  return toCall(call);
}

async function readBotAndPhone(teamId: string, botId: string, from: string | undefined) {
  if (!from) {
    const res = await doc.send(new GetCommand({ TableName: T(), Key: botKey(teamId, botId) }));
    return { bot: res.Item as StoredBot | undefined, phone: undefined };
  }
  const bk = botKey(teamId, botId);
  const pk = phoneNumberKey(teamId, from);
  const items = await batchGet([bk, pk]);
  return { bot: items.get(bk.SK) as StoredBot | undefined, phone: items.get(pk.SK) as { botId: string } | undefined };
}
