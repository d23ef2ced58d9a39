import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { prefixPage } from '../../db/prefix-page.js';
import { botKey, phoneClaimKey, phoneNumberKey, phoneNumberPrefix } from '../../db/keys.js';
import { retryOnConflict, WriteConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { Conflict, NotFound } from '../errors.js';
import { MAX_PHONE_NUMBERS_PER_BOT } from '../bots/model.js';
import type { PhoneNumberCreate } from './schema.js';

/**
 * Phone numbers (DID mappings): an E.164 number of the team mapped to exactly one of its bots. The item
 * `{ number, botId, createdAt }` under `phoneNumberKey` is what inbound routing and dialout `from` checks read
 * with one GetItem; the bot also lists its numbers (`phoneNumbers` string set, same transaction) so deleting the
 * bot releases them in its own transaction.
 *
 * A number belongs to one team at a time: its claim (`phoneClaimKey`, `{ number, teamId, version }`) is written
 * with the mapping, so no team can map, and dial out from, another team's number. A claim whose team no longer
 * maps the number (its bot was deleted: the bot's delete releases the team's mappings but leaves the claim) is
 * stale, and the next team to map the number takes it over, conditional on the claim's `version`, which every
 * mapping by the owning team renews.
 */
export type PhoneNumber = { number: string; botId: string; createdAt: string };

const T = () => tableName();

export function toPhoneNumber(item: Record<string, unknown>): PhoneNumber {
  const { number, botId, createdAt } = item as PhoneNumber;
  return { number, botId, createdAt };
}

/** Page of the team's numbers in lexical E.164 order. */
export async function listPhoneNumbers(teamId: string, limit: number, cursor?: string) {
  return prefixPage(phoneNumberPrefix(teamId), limit, cursor, toPhoneNumber);
}

/**
 * `POST /phone-numbers` (member): maps `number` to `botId` in one transaction (the mapping, the bot's list, the
 * audit event). 409 when the number already maps to a bot (naming it) or the bot has `MAX_PHONE_NUMBERS_PER_BOT`
 * numbers; 404 (naming `botId`) for an unknown bot.
 */
export async function createPhoneNumber(teamId: string, input: PhoneNumberCreate, actor: Actor): Promise<PhoneNumber> {
  const mapping: PhoneNumber = { number: input.number, botId: input.botId, createdAt: new Date().toISOString() };
  await retryOnConflict(async () => {
    const claim = await claimCondition(teamId, mapping.number);
    await transactWrite([
      {
        item: {
          Put: {
            TableName: T(),
            Item: { ...phoneClaimKey(mapping.number), entity: 'phone_number_claim', number: mapping.number, teamId, version: ulid() },
            ...claim.condition,
          },
        },
        // The claim changed hands or was renewed since it was read: read it again.
        onConditionFailed: () => new WriteConflict(),
      },
      {
        item: {
          Put: {
            TableName: T(),
            Item: { ...phoneNumberKey(teamId, mapping.number), entity: 'phone_number', teamId, ...mapping },
            ConditionExpression: 'attribute_not_exists(PK)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        onConditionFailed: (old) =>
          new Conflict(
            `${mapping.number} already maps to bot ${String(old?.botId)}; a number maps to one bot. Delete that mapping first.`,
            {
              botId: old?.botId,
            },
          ),
      },
      {
        item: {
          Update: {
            TableName: T(),
            Key: botKey(teamId, mapping.botId),
            UpdateExpression: 'ADD phoneNumbers :n SET version = version + :one',
            ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(phoneNumbers) OR size(phoneNumbers) < :cap)',
            ExpressionAttributeValues: { ':n': new Set([mapping.number]), ':one': 1, ':cap': MAX_PHONE_NUMBERS_PER_BOT },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        onConditionFailed: (old) =>
          old
            ? new Conflict(`The bot already has ${MAX_PHONE_NUMBERS_PER_BOT} phone numbers.`)
            : new NotFound('Bot', [{ path: 'botId', message: 'no such bot in this team' }]),
      },
      auditPut(
        teamId,
        {
          actor,
          module: 'phone_numbers',
          action: 'create',
          botId: mapping.botId,
          targetId: mapping.number,
          changes: { botId: { before: null, after: mapping.botId } },
        },
        mapping.createdAt,
      ),
    ]);
  });
  return mapping;
}

/** Another team's number: the answer names no team. */
const inUseElsewhere = (number: string) =>
  new Conflict(`${number} is in use by another botops team; a number belongs to one team at a time.`);

/**
 * The condition under which `teamId` may write the claim on `number`: no claim yet, a claim of its own, or a stale
 * claim (its team no longer maps the number) at the version read.
 * @throws Conflict when another team maps the number.
 */
async function claimCondition(teamId: string, number: string) {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: phoneClaimKey(number), ConsistentRead: true }));
  const owner = res.Item as { teamId: string; version: string } | undefined;
  if (!owner) return { condition: { ConditionExpression: 'attribute_not_exists(PK)' } };
  if (owner.teamId === teamId) {
    return { condition: { ConditionExpression: 'teamId = :me', ExpressionAttributeValues: { ':me': teamId } } };
  }
  const mapped = await doc.send(
    new GetCommand({ TableName: T(), Key: phoneNumberKey(owner.teamId, number), ConsistentRead: true, ProjectionExpression: 'PK' }),
  );
  if (mapped.Item) throw inUseElsewhere(number);
  return { condition: { ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': owner.version } } };
}

/**
 * `DELETE /phone-numbers/{number}` (member): removes the mapping, the bot's entry and the team's claim on the number
 * in one transaction; 404 when unmapped.
 */
export async function deletePhoneNumber(teamId: string, number: string, actor: Actor): Promise<void> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: phoneNumberKey(teamId, number) }));
  if (!res.Item) throw new NotFound('Phone number');
  const { botId } = toPhoneNumber(res.Item);
  // Deleted meanwhile, by another request or with its bot (which releases its numbers in the same transaction).
  const gone = () => new NotFound('Phone number');
  await retryOnConflict(() =>
    transactWrite([
      {
        item: {
          Delete: {
            TableName: T(),
            Key: phoneNumberKey(teamId, number),
            ConditionExpression: 'botId = :b',
            ExpressionAttributeValues: { ':b': botId },
          },
        },
        onConditionFailed: gone,
      },
      {
        item: {
          Update: {
            TableName: T(),
            Key: botKey(teamId, botId),
            UpdateExpression: 'DELETE phoneNumbers :n SET version = version + :one',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':n': new Set([number]), ':one': 1 },
          },
        },
        onConditionFailed: gone,
      },
      {
        Delete: {
          TableName: T(),
          Key: phoneClaimKey(number),
          ConditionExpression: 'attribute_not_exists(PK) OR teamId = :t',
          ExpressionAttributeValues: { ':t': teamId },
        },
      },
      auditPut(teamId, {
        actor,
        module: 'phone_numbers',
        action: 'delete',
        botId,
        targetId: number,
        changes: { botId: { before: botId, after: null } },
      }),
    ]),
  );
}
