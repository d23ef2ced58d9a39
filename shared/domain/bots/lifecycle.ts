import { type AuditInput, auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { tableName } from '../../db/client.js';
import { botKey } from '../../db/keys.js';
import { retryOnConflict, WriteConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { Conflict, NotFound } from '../errors.js';
import { getStoredBot, insertBot } from './bots.js';
import { type StoredBot, buildNewBot, defaultConfig } from './model.js';
import { BOT_NAME_MAX } from './limits.js';
import type { BotCreate } from './schema.js';

/**
 * Bot lifecycle beyond create/update: pause/resume, clone, and the read-decide-write step the
 * post-call cache uses too. Reset and delete live in `reset.ts` (they start the background purge). Each change
 * and its audit event are one `TransactWriteItems`.
 */

/** What a {@link changeBot} step writes: attributes to set on the bot item and its audit event. */
export type BotChange = { set: Record<string, unknown>; audit: Pick<AuditInput, 'action' | 'changes'> };

/**
 * Read -> decide -> write for a change that depends on the bot's current state (its `active` flag, its prompts):
 * `decide(bot)` returns the attributes to set and the audit event, or throws (e.g. `Conflict`). The Update is
 * conditional on the version read, so a concurrent write (another pause, an update, a campaign start) is never
 * overwritten and never mis-audited: the step reads and decides again (`retryOnConflict`; `Conflict` when the bot
 * keeps changing). Sets `updatedAt` and bumps `version` (the ETag). `NotFound` for a missing bot. Returns the bot
 * as written.
 */
export async function changeBot(teamId: string, botId: string, actor: Actor, decide: (bot: StoredBot) => BotChange): Promise<StoredBot> {
  return retryOnConflict(
    async () => {
      const current = await getStoredBot(teamId, botId);
      const change = decide(current);
      const now = new Date().toISOString();
      const next: StoredBot = { ...current, ...change.set, updatedAt: now, version: current.version + 1 };
      const fields = Object.keys(change.set);
      await transactWrite([
        {
          item: {
            Update: {
              TableName: tableName(),
              Key: botKey(teamId, botId),
              UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :f${i}`).join(', ')}${fields.length ? ', ' : ''}updatedAt = :now, version = :next`,
              ConditionExpression: 'version = :v',
              ExpressionAttributeNames: Object.fromEntries(fields.map((f, i) => [`#f${i}`, f])),
              ExpressionAttributeValues: {
                ...Object.fromEntries(fields.map((f, i) => [`:f${i}`, change.set[f]])),
                ':now': now,
                ':next': next.version,
                ':v': current.version,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          onConditionFailed: (old) => (old ? new WriteConflict() : new NotFound('Bot')),
        },
        auditPut(teamId, { actor, module: 'bots', botId, targetId: botId, ...change.audit }, now),
      ]);
      return next;
    },
    { onExhausted: () => new Conflict('The bot kept changing during this request; retry.') },
  );
}

/**
 * `POST .../pause` (`active: false`) and `.../resume` (`active: true`), admin. Always audited, also
 * when the flag already had that value, so concurrent pause and resume leave the bot in the state of the one
 * that committed last and two events telling the order. Not refused while campaigns run: pausing is how a
 * misbehaving bot is stopped at once.
 */
export function setBotActive(teamId: string, botId: string, active: boolean, actor: Actor): Promise<StoredBot> {
  return changeBot(teamId, botId, actor, (bot) => ({
    set: { active },
    audit: { action: active ? 'resume' : 'pause', changes: { active: { before: bot.active, after: active } } },
  }));
}

/** `"<name> (copy)"`, the name cut (by code point, never inside a surrogate pair) to stay within `BOT_NAME_MAX`. */
export function cloneName(name: string): string {
  const suffix = ' (copy)';
  const chars = Array.from(name);
  while (chars.join('').length + suffix.length > BOT_NAME_MAX) chars.pop();
  return `${chars.join('').trimEnd()}${suffix}`;
}

/**
 * `POST .../bots/{botId}/clone`, member: a new bot built by `buildNewBot` (new id, `createdAt`
 * now, counters 0, `active`, unlocked, fresh per-bot secrets such as the widget key) from the source's editable
 * configuration only (every wizard field), named "<name> (copy)". Calls, contacts,
 * campaigns, phone numbers, post-call cache state and the data generation are not copied. 404 for a missing
 * source. One read and one transaction (the new bot + its audit event, action `clone`).
 */
export async function cloneBot(teamId: string, sourceId: string, actor: Actor): Promise<StoredBot> {
  const source = await getStoredBot(teamId, sourceId);
  // Every wizard field: `defaultConfig()` is typed `Required<...>` over them (name aside), and does not pull zod
  // into this bundle as `STEP_OF_FIELD` would; a unit test checks the two sets are equal.
  const config = Object.fromEntries(
    ['name', ...Object.keys(defaultConfig())]
      .filter((field) => field in source)
      .map((field) => [field, structuredClone((source as Record<string, unknown>)[field])]),
  ) as BotCreate;
  const bot = buildNewBot({ ...config, name: cloneName(source.name) });
  return insertBot(teamId, bot, actor, 'clone', { clonedFrom: { before: null, after: sourceId } });
}
