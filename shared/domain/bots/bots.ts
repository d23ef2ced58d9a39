import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, type Changes, diff } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { prefixPage } from '../../db/prefix-page.js';
import { botKey, botPrefix, campaignKey, phoneNumberKey } from '../../db/keys.js';
import { retryOnConflict, WriteConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { Conflict, NotFound, PreconditionFailed } from '../errors.js';
import {
  applyUpdate,
  assertMayChange,
  assertOptOutField,
  assertStorable,
  assertUnlocked,
  buildNewBot,
  lockedError,
  type StoredBot,
  toBot,
} from './model.js';
import type { BotCreate, BotUpdate } from './schema.js';

/**
 * Bots in the table: read, list, create, update and delete, each change with its audit event in one transaction,
 * conditional on the bot as read (`retryOnConflict`). The bot object and its rules are in `model.ts`.
 */

export async function getStoredBot(teamId: string, botId: string): Promise<StoredBot> {
  const res = await doc.send(new GetCommand({ TableName: tableName(), Key: botKey(teamId, botId) }));
  if (!res.Item) throw new NotFound('Bot');
  return res.Item as StoredBot;
}

/** Page of a team's bots in creation order; `cursor` is the previous page's `X-Next-Cursor`. */
export async function listBots(teamId: string, limit: number, cursor?: string) {
  return prefixPage(botPrefix(teamId), limit, cursor, toBot);
}

/**
 * Writes a bot that `buildNewBot` made, with its audit event (`action`, the bot's fields as `after`, plus `changes`),
 * in one transaction: the one way a bot comes into the table (create and clone).
 */
export async function insertBot(teamId: string, bot: StoredBot, actor: Actor, action: string, changes: Changes = {}): Promise<StoredBot> {
  await retryOnConflict(() =>
    transactWrite([
      {
        item: {
          Put: {
            TableName: tableName(),
            Item: { ...botKey(teamId, bot.id), entity: 'bot', teamId, ...bot },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: () => new Conflict('A bot with this id already exists.'),
      },
      auditPut(
        teamId,
        { actor, module: 'bots', action, botId: bot.id, targetId: bot.id, changes: { ...changes, ...diff(undefined, toBot(bot)) } },
        bot.createdAt,
      ),
    ]),
  );
  return bot;
}

/** Creates a bot in one transaction with its audit event. */
export async function createBot(teamId: string, input: BotCreate, actor: Actor): Promise<StoredBot> {
  assertMayChange(actor, input.allowedDomains?.length ? ['allowedDomains'] : []);
  const bot = buildNewBot(input);
  assertOptOutField(bot);
  return insertBot(teamId, bot, actor, 'create');
}

/**
 * Partial update: absent fields are unchanged. The write is conditional on the version that was
 * read and on the bot not being locked by a running campaign, so a concurrent change or a campaign started
 * between read and write is never overwritten: `PreconditionFailed` when the caller's required version is stale,
 * `Locked` when campaigns lock the bot, a re-read otherwise (`Conflict` when the bot keeps changing).
 */
export async function updateBot(
  teamId: string,
  botId: string,
  patch: BotUpdate,
  actor: Actor,
  requiredVersion?: number,
): Promise<StoredBot> {
  return retryOnConflict(
    async () => {
      const current = await getStoredBot(teamId, botId);
      // The lock first: a campaign start also bumps the version, and "stop campaign X" is the useful answer.
      assertUnlocked(current, 'edit');
      if (requiredVersion !== undefined && current.version !== requiredVersion) throw new PreconditionFailed();
      const now = new Date().toISOString();
      const next = { ...applyUpdate(current, patch as Record<string, unknown>), updatedAt: now, version: current.version + 1 };
      assertStorable(next, patch);
      if ('optOutField' in patch || 'analysisPrompt' in patch) assertOptOutField(next);
      const changes = diff(current, next, Object.keys(patch));
      assertMayChange(actor, Object.keys(changes));
      await transactWrite([
        {
          item: {
            Put: {
              TableName: tableName(),
              Item: { ...botKey(teamId, botId), entity: 'bot', teamId, ...next },
              ConditionExpression: 'version = :v AND size(lockedByCampaigns) = :zero',
              ExpressionAttributeValues: { ':v': current.version, ':zero': 0 },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          onConditionFailed: (old) => (old ? whyBotChanged(old as StoredBot, 'edit', requiredVersion) : new NotFound('Bot')),
        },
        auditPut(teamId, { actor, module: 'bots', action: 'update', botId, targetId: botId, changes }, now),
      ]);
      return next;
    },
    { onExhausted: () => new Conflict('The bot changed during the update; retry.') },
  );
}

/**
 * Why a write conditional on the bot as read failed, given the bot as it is now: campaigns lock it (`Locked`),
 * the caller required the version it read (`PreconditionFailed`), or another write got in between (read again).
 */
function whyBotChanged(old: StoredBot, action: string, requiredVersion?: number): Error {
  if (old.lockedByCampaigns?.length) return lockedError(old, action);
  return requiredVersion !== undefined ? new PreconditionFailed() : new WriteConflict();
}

/**
 * Deletes a bot unless a running campaign locks it (`Locked` naming the campaigns, checked in the write's
 * condition), and in the same transaction releases its phone numbers and deletes its (stopped) campaigns: a bot
 * may go once its campaigns are stopped, and a campaign or DID mapping of a deleted bot would be a dangling
 * reference. The write is conditional on the version read, so a number mapped or a campaign started meanwhile
 * makes it run again with the new state. Returns the deleted bot (its `dataGeneration` tells what data to purge).
 */
export async function deleteBot(teamId: string, botId: string, actor: Actor): Promise<StoredBot> {
  return retryOnConflict(
    async () => {
      const current = await getStoredBot(teamId, botId);
      assertUnlocked(current, 'delete');
      const numbers = [...(current.phoneNumbers ?? [])].sort();
      const campaigns = [...(current.campaignIds ?? [])].sort();
      const T = tableName();
      await transactWrite([
        {
          item: {
            Delete: {
              TableName: T,
              Key: botKey(teamId, botId),
              ConditionExpression: 'version = :v AND size(lockedByCampaigns) = :zero',
              ExpressionAttributeValues: { ':v': current.version, ':zero': 0 },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          onConditionFailed: (old) => (old ? whyBotChanged(old as StoredBot, 'delete') : new NotFound('Bot')),
        },
        // A mapping or campaign that changed hands meanwhile fails its condition: read the bot again.
        ...numbers.map((n) => ({
          Delete: {
            TableName: T,
            Key: phoneNumberKey(teamId, n),
            ConditionExpression: 'attribute_not_exists(PK) OR botId = :b',
            ExpressionAttributeValues: { ':b': botId },
          },
        })),
        ...campaigns.map((c) => ({
          Delete: {
            TableName: T,
            Key: campaignKey(teamId, c),
            ConditionExpression: 'attribute_not_exists(PK) OR (botId = :b AND #status <> :running)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':b': botId, ':running': 'running' },
          },
        })),
        auditPut(teamId, {
          actor,
          module: 'bots',
          action: 'delete',
          botId,
          targetId: botId,
          changes: {
            name: { before: current.name, after: null },
            ...(numbers.length ? { phoneNumbers: { before: numbers, after: [] } } : {}),
            ...(campaigns.length ? { campaigns: { before: campaigns, after: [] } } : {}),
          },
        }),
      ]);
      return current;
    },
    { onExhausted: () => new Conflict('The bot changed during the delete; retry.') },
  );
}
