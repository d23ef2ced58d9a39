import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { campaignContactKey, campaignContactStatusIndex, campaignDueIndex, campaignKey } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { getStoredBot } from '../bots/bots.js';
import { resolvedZone } from '../bots/schema.js';
import { batchGet } from '../calls/store.js';
import { requiredCrmNames } from '../calls/variables.js';
import { Conflict, type FieldError, NotFound } from '../errors.js';
import { normalizeE164 } from '../phone.js';
import { getStoredCampaign } from './campaigns.js';
import { emptyProgress } from './model.js';
import type { Outcome } from './schedule.js';
import type { CampaignContactIn, CampaignContactStatus } from './schema.js';

/**
 * A campaign's audience: one item per phone number in the campaign's own partition (`campaignContactKey`), indexed
 * by status (GSI1) and, while `pending` or `scheduled`, by due time (the sparse, sharded GSI2 the dispatcher reads).
 * Every change of a contact's status changes the campaign's `progress` counters in the same transaction.
 */
export type CampaignContact = {
  phone: string;
  timezone: string | null;
  externalId: string | null;
  status: CampaignContactStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastOutcome: Outcome | null;
  callIds: string[];
  createdAt: string;
  updatedAt: string;
};
export type StoredContact = CampaignContact & {
  PK: string;
  SK: string;
  teamId: string;
  campaignId: string;
  variables: { crm: Record<string, string | number | boolean | null> };
  version: number;
};

const T = () => tableName();

export function toContact(item: Record<string, unknown>): CampaignContact {
  const c = item as StoredContact;
  return {
    phone: c.phone,
    timezone: c.timezone ?? null,
    externalId: c.externalId ?? null,
    status: c.status,
    attempts: c.attempts ?? 0,
    nextAttemptAt: c.nextAttemptAt ?? null,
    lastOutcome: c.lastOutcome ?? null,
    callIds: c.callIds ?? [],
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/**
 * The index attributes of a contact in `status`: the status index always, the due index only while it waits for a
 * dial (`pending` / `scheduled`) at `dueAt`.
 */
export function contactIndexes(teamId: string, campaignId: string, phone: string, status: CampaignContactStatus, dueAt: string | null) {
  return {
    ...campaignContactStatusIndex(teamId, campaignId, status, phone),
    ...((status === 'pending' || status === 'scheduled') && dueAt ? campaignDueIndex(teamId, campaignId, phone, dueAt) : {}),
  };
}

export type AddContactsResult = { added: number; duplicates: number; rejected: { index: number; errors: FieldError[] }[] };

/** Items per transaction: contact Puts, plus the campaign's counters and the audit event (DynamoDB's limit is 100). */
const CONTACTS_PER_TRANSACTION = 98;

/**
 * `POST /campaigns/{id}/contacts` (member), allowed while stopped or running (409 once completed). Each contact is
 * checked on its own: a valid phone number (normalised to E.164), a known IANA zone when given, and every
 * `crm.*` variable the bot's prompts use; a refused one is listed in `rejected` with its index and errors, the
 * others are added. A number already in the campaign (or twice in the request) counts as a duplicate. Contacts are
 * written `pending`, due now, in transactions of up to 98 with the campaign's `progress` counters and an audit event.
 */
export async function addContacts(
  teamId: string,
  campaignId: string,
  contacts: CampaignContactIn[],
  actor: Actor,
): Promise<AddContactsResult> {
  const campaign = await getStoredCampaign(teamId, campaignId);
  if (campaign.status === 'completed')
    throw new Conflict('The campaign is completed; add contacts to a new campaign.', { status: 'completed' });
  if (!campaign.progress) await addCounters(teamId, campaignId);
  const bot = await getStoredBot(teamId, campaign.botId);
  const crmNames = requiredCrmNames(bot);
  const rejected: AddContactsResult['rejected'] = [];
  const accepted = new Map<string, CampaignContactIn & { phone: string }>();
  let duplicates = 0;
  contacts.forEach((input, index) => {
    const errors: FieldError[] = [];
    const phone = normalizeE164(input.phone);
    if (!phone) errors.push({ path: 'phone', message: 'must be a valid phone number in E.164, e.g. +14155550123' });
    const zone = input.timezone ? resolvedZone(input.timezone) : undefined;
    if (input.timezone && !zone) errors.push({ path: 'timezone', message: 'must be an IANA time zone, e.g. Europe/Paris' });
    const crm = input.variables?.crm ?? {};
    for (const name of crmNames) {
      const v = crm[name];
      if (v === undefined || v === null || v === '')
        errors.push({ path: `variables.crm.${name}`, message: `required: the bot uses {{crm.${name}}}` });
    }
    if (errors.length) rejected.push({ index, errors });
    else if (accepted.has(phone as string)) duplicates++;
    else accepted.set(phone as string, { ...input, phone: phone as string, timezone: zone ?? null });
  });

  let added = 0;
  const all = [...accepted.values()];
  for (let i = 0; i < all.length; i += CONTACTS_PER_TRANSACTION) {
    const chunk = all.slice(i, i + CONTACTS_PER_TRANSACTION);
    const result = await retryOnConflict(() => writeChunk(teamId, campaignId, campaign.botId, chunk, actor), {
      onExhausted: () => new Conflict('The campaign kept changing while its contacts were added; retry.'),
    });
    added += result.added;
    duplicates += result.duplicates;
  }
  return { added, duplicates, rejected };
}

/** Gives a campaign stored before the counters existed its `progress` map and `inFlight` (ADD needs the map). */
async function addCounters(teamId: string, campaignId: string): Promise<void> {
  try {
    await doc.send(
      new UpdateCommand({
        TableName: T(),
        Key: campaignKey(teamId, campaignId),
        UpdateExpression: 'SET progress = :p, inFlight = if_not_exists(inFlight, :zero)',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(progress)',
        ExpressionAttributeValues: { ':p': emptyProgress(), ':zero': 0 },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** One transaction of new contacts (those not in the campaign yet, read consistently first) and the counters. */
async function writeChunk(
  teamId: string,
  campaignId: string,
  botId: string,
  chunk: (CampaignContactIn & { phone: string })[],
  actor: Actor,
) {
  const existing = new Set<string>();
  for (let i = 0; i < chunk.length; i += 100) {
    const found = await batchGet(chunk.slice(i, i + 100).map((c) => campaignContactKey(teamId, campaignId, c.phone)));
    for (const sk of found.keys()) existing.add(sk.slice('CONTACT#'.length));
  }
  const fresh = chunk.filter((c) => !existing.has(c.phone));
  if (!fresh.length) return { added: 0, duplicates: chunk.length };
  const now = new Date().toISOString();
  await transactWrite([
    ...fresh.map((c) => ({
      Put: {
        TableName: T(),
        Item: {
          ...campaignContactKey(teamId, campaignId, c.phone),
          ...contactIndexes(teamId, campaignId, c.phone, 'pending', now),
          entity: 'campaignContact',
          teamId,
          campaignId,
          phone: c.phone,
          timezone: c.timezone ?? null,
          externalId: c.externalId ?? null,
          variables: { crm: c.variables?.crm ?? {} },
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          lastOutcome: null,
          callIds: [],
          createdAt: now,
          updatedAt: now,
          version: 1,
        },
        // added meanwhile by another request: read again
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    })),
    {
      item: {
        Update: {
          TableName: T(),
          Key: campaignKey(teamId, campaignId),
          UpdateExpression: 'ADD progress.#total :n, progress.#pending :n',
          ConditionExpression: 'attribute_exists(PK) AND #status <> :completed',
          ExpressionAttributeNames: { '#total': 'total', '#pending': 'pending', '#status': 'status' },
          ExpressionAttributeValues: { ':n': fresh.length, ':completed': 'completed' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      onConditionFailed: (old) =>
        old ? new Conflict('The campaign completed meanwhile; add contacts to a new campaign.') : new NotFound('Campaign'),
    },
    auditPut(
      teamId,
      {
        actor,
        module: 'campaigns',
        action: 'add_contacts',
        botId,
        targetId: campaignId,
        changes: { contacts: { before: null, after: fresh.length } },
      },
      now,
    ),
  ]);
  return { added: fresh.length, duplicates: chunk.length - fresh.length };
}
