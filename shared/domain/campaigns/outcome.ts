import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { tableName } from '../../db/client.js';
import { campaignContactKey, campaignKey } from '../../db/keys.js';
import type { TransactItem } from '../../db/transact.js';
import { batchGet } from '../calls/store.js';
import { dncUpsert } from '../dnc/dnc.js';
import type { StoredContact } from './contacts.js';
import { contactIndexes } from './contacts.js';
import { type StoredCampaign, toCampaign } from './model.js';
import { afterCall, type Outcome, outcomeOf } from './schedule.js';
import type { CampaignContactStatus } from './schema.js';

/** Who adds an opted-out number to the DNC list, in the audit log. */
export const OPT_OUT_ACTOR: Actor = { email: 'system:opt-out', role: 'system' };

const T = () => tableName();

/** The contact's zone for its calling window: its own, else the campaign's default, else the bot's. */
export const zoneOf = (
  contact: { timezone?: string | null },
  campaign: { defaultTimezone?: string | null },
  bot: { timezone?: string | null },
) => contact.timezone || campaign.defaultTimezone || bot.timezone || 'UTC';

/** The Update that moves a contact from `from` to `to` in the campaign's `progress` (and `inFlight` by `inFlightDelta`). */
export function progressUpdate(
  teamId: string,
  campaignId: string,
  moves: Partial<Record<CampaignContactStatus, number>>,
  inFlightDelta = 0,
): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const adds = Object.entries(moves)
    .filter(([, n]) => n !== 0)
    .map(([status, n], i) => {
      names[`#s${i}`] = status;
      values[`:n${i}`] = n as number;
      return `progress.#s${i} :n${i}`;
    });
  if (inFlightDelta) {
    adds.push('inFlight :inflight');
    values[':inflight'] = inFlightDelta;
  }
  return {
    Update: {
      TableName: T(),
      Key: campaignKey(teamId, campaignId),
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * The end of a campaign call, as transaction items to commit with the call's final status: the campaign's slot
 * released (`inFlight - 1`), the contact moved by the retry rule (`afterCall`: final, or `scheduled` for its next
 * attempt in its window, back in the due index) with the outcome and the progress counters, conditional on the
 * contact still dialing this call. With `optedOut` (the bot's `optOutField` reported true) the number joins the DNC
 * list, audited as the system, and a contact that would be retried is `skipped_dnc` instead.
 */
export async function campaignCallEnded(input: {
  teamId: string;
  campaignId: string;
  phone: string;
  callId: string;
  holdsSlot: boolean;
  status: 'completed' | 'failed';
  result: { endedReason?: unknown; answeredBy?: unknown } | null;
  botTimezone: string | null;
  optedOut: boolean;
  endedAt: number;
}): Promise<{ items: TransactItem[]; outcome: Outcome }> {
  const { teamId, campaignId, phone } = input;
  const ck = campaignKey(teamId, campaignId);
  const contactKey = campaignContactKey(teamId, campaignId, phone);
  const found = await batchGet([ck, contactKey]);
  const campaignItem = found.get(ck.SK) as StoredCampaign | undefined;
  const contact = found.get(contactKey.SK) as StoredContact | undefined;
  const outcome = outcomeOf(input.status, input.result);
  const items: TransactItem[] = [];
  // A deleted campaign (its contacts purged) still releases nothing but the team slot: its item is gone.
  if (!campaignItem) return { items, outcome };
  const campaign = toCampaign(campaignItem);
  const now = new Date(input.endedAt).toISOString();
  if (contact?.status !== 'dialing' || !contact.callIds.includes(input.callId)) {
    if (input.holdsSlot) items.push(progressUpdate(teamId, campaignId, {}, -1));
    return { items, outcome };
  }
  let next = afterCall({
    outcome,
    attempts: contact.attempts,
    maxAttempts: campaign.maxAttempts,
    retry: campaign.retry,
    window: campaign.callingWindow,
    zone: zoneOf(contact, campaign, { timezone: input.botTimezone }),
    endedAt: input.endedAt,
    ...(campaign.endAt ? { endAt: Date.parse(campaign.endAt) } : {}),
  });
  const status: CampaignContactStatus = input.optedOut && next.status === 'scheduled' ? 'skipped_dnc' : next.status;
  if (status !== 'scheduled') next = { status: next.status === 'scheduled' ? 'exhausted' : next.status };
  const nextAttemptAt = status === 'scheduled' && next.nextAttemptAt !== undefined ? new Date(next.nextAttemptAt).toISOString() : null;
  items.push({
    Update: {
      TableName: T(),
      Key: contactKey,
      UpdateExpression:
        'SET #status = :status, nextAttemptAt = :next, lastOutcome = :outcome, updatedAt = :now, version = :nv, GSI1PK = :g1pk, GSI1SK = :g1sk' +
        (nextAttemptAt ? ', GSI2PK = :g2pk, GSI2SK = :g2sk' : ' REMOVE GSI2PK, GSI2SK'),
      ConditionExpression: 'version = :v AND #status = :dialing',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: (() => {
        const idx = contactIndexes(teamId, campaignId, phone, status, nextAttemptAt);
        return {
          ':status': status,
          ':next': nextAttemptAt,
          ':outcome': outcome,
          ':now': now,
          ':nv': contact.version + 1,
          ':v': contact.version,
          ':dialing': 'dialing',
          ':g1pk': idx.GSI1PK,
          ':g1sk': idx.GSI1SK,
          ...('GSI2PK' in idx ? { ':g2pk': idx.GSI2PK, ':g2sk': idx.GSI2SK } : {}),
        };
      })(),
    },
  });
  items.push(progressUpdate(teamId, campaignId, { dialing: -1, [status]: 1 }, input.holdsSlot ? -1 : 0));
  return { items, outcome };
}

/** The DNC entry and its audit event when a call reports the bot's `optOutField` true. */
export function optOutItems(teamId: string, botId: string, number: string, callId: string, now: string): TransactItem[] {
  return [
    dncUpsert(teamId, number, `opted out during call ${callId}`, OPT_OUT_ACTOR.email, now),
    auditPut(
      teamId,
      {
        actor: OPT_OUT_ACTOR,
        module: 'dnc',
        action: 'add',
        botId,
        targetId: number,
        changes: { numbers: { before: null, after: [number] }, callId: { before: null, after: callId } },
      },
      now,
    ),
  ];
}
