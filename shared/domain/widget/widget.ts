import { type Changes, auditPut, diff } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { tableName } from '../../db/client.js';
import { botIdIndex, botKey } from '../../db/keys.js';
import { retryOnConflict, WriteConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { Conflict, NotFound, PreconditionFailed } from '../errors.js';
import { getStoredBot } from '../bots/bots.js';
import type { StoredBot } from '../bots/model.js';
import { maskWidgetKey, newWidgetState, type WidgetState } from './key.js';
import type { WidgetSettingsPatch } from './schema.js';

/**
 * The Web Widget tab: settings, the masked key, reveal, regenerate, embed code. The widget's state
 * (`enabled`, key) lives on the bot item (`StoredBot.widget`) and its allowed domains are the bot's own
 * `allowedDomains` field, so `PUT .../bots/{botId}` and `PUT .../widget` edit one value.
 *
 * Every write here is one `TransactWriteItems`: an `UpdateItem` of the bot conditional on the version that was
 * read (it bumps the version, so a concurrent `PUT .../bots` that read the old item retries instead of writing
 * the old key back) and the audit event (module `widget`). The campaign lock does not apply: the
 * widget is another channel than the campaigns' calls, and turning it off or rotating a leaked key must stay
 * possible while a campaign runs.
 */
export type WidgetSettings = {
  botId: string;
  enabled: boolean;
  allowedDomains: string[];
  /** True when `allowedDomains` is empty: every origin may open sessions. */
  allowsAnyOrigin: boolean;
  /** Masked, e.g. `wk_****a1b2`; null only for a bot stored before the widget existed (regenerate creates one). */
  apiKey: string | null;
  keyCreatedAt: string | null;
  scriptUrl: string;
  /** The embed snippet with the key masked; reveal and regenerate return it with the key in clear. */
  embedCode: string | null;
  updatedAt: string;
};

/** Where the widget script is served: `<baseUrl>/widget/v1/widget.js`. */
export const scriptUrl = (baseUrl: string) => `${baseUrl}/widget/v1/widget.js`;

/** `<script src=".../widget/v1/widget.js" data-bot-id="..." data-widget-key="..." async></script>` */
export function embedCode(baseUrl: string, botId: string, key: string): string {
  return `<script src="${attr(scriptUrl(baseUrl))}" data-bot-id="${attr(botId)}" data-widget-key="${attr(key)}" async></script>`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The `GET .../widget` body of a stored bot; `baseUrl` from `publicBaseUrl` (the embed code's script URL). */
export function widgetSettingsOf(bot: StoredBot, baseUrl: string): WidgetSettings {
  const w = bot.widget;
  return {
    botId: bot.id,
    enabled: w?.enabled ?? false,
    allowedDomains: bot.allowedDomains,
    allowsAnyOrigin: bot.allowedDomains.length === 0,
    apiKey: w ? maskWidgetKey(w.key) : null,
    keyCreatedAt: w?.keyCreatedAt ?? null,
    scriptUrl: scriptUrl(baseUrl),
    embedCode: w ? embedCode(baseUrl, bot.id, maskWidgetKey(w.key)) : null,
    updatedAt: bot.updatedAt,
  };
}

/** `PUT .../widget`: 412 on a stale `If-Match`, 404 for a missing bot; a no-op patch writes nothing. */
export async function updateWidgetSettings(
  teamId: string,
  botId: string,
  patch: WidgetSettingsPatch,
  actor: Actor,
  requiredVersion?: number,
): Promise<StoredBot> {
  return writeBot(teamId, botId, actor, requiredVersion, (bot) => {
    const before = { enabled: bot.widget?.enabled ?? false, allowedDomains: bot.allowedDomains };
    const after = { enabled: patch.enabled ?? before.enabled, allowedDomains: patch.allowedDomains ?? before.allowedDomains };
    const changes = diff(before, after);
    if (Object.keys(changes).length === 0) return undefined;
    const widget = { ...(bot.widget ?? newWidgetState(botId)), enabled: after.enabled };
    return { set: { widget, allowedDomains: after.allowedDomains, ...botIdIndex(botId) }, action: 'update', changes };
  });
}

/** `POST .../widget/key/regenerate`: a new key; the old one is refused from the moment this commits. */
export async function regenerateWidgetKey(teamId: string, botId: string, actor: Actor): Promise<StoredBot & { widget: WidgetState }> {
  const written = await writeBot(teamId, botId, actor, undefined, (bot) => {
    const widget = { ...newWidgetState(botId), enabled: bot.widget?.enabled ?? false };
    const changes = { apiKey: { before: bot.widget ? maskWidgetKey(bot.widget.key) : null, after: maskWidgetKey(widget.key) } };
    return { set: { widget, ...botIdIndex(botId) }, action: 'regenerate_key', changes };
  });
  return written as StoredBot & { widget: WidgetState };
}

/** `POST .../widget/key/reveal`: the key in clear, and an audit event saying who saw it (never the key itself). */
export async function revealWidgetKey(teamId: string, botId: string, actor: Actor): Promise<{ bot: StoredBot; key: string }> {
  const bot = await getStoredBot(teamId, botId);
  if (!bot.widget) throw new Conflict('This bot has no widget key yet: regenerate one.');
  await retryOnConflict(() =>
    transactWrite([
      {
        item: auditPut(teamId, { actor, module: 'widget', action: 'reveal_key', botId, targetId: botId, changes: {} }),
        onConditionFailed: () => new Conflict('The audit event could not be written; retry.'),
      },
    ]),
  );
  return { bot, key: bot.widget.key };
}

type Change = { set: Partial<StoredBot>; action: string; changes: Changes };

/** Read, change, write conditional on the version read; run again when another write got in between. */
async function writeBot(
  teamId: string,
  botId: string,
  actor: Actor,
  requiredVersion: number | undefined,
  change: (bot: StoredBot) => Change | undefined,
): Promise<StoredBot> {
  return retryOnConflict(
    async () => {
      const current = await getStoredBot(teamId, botId);
      if (requiredVersion !== undefined && current.version !== requiredVersion) throw new PreconditionFailed();
      const c = change(current);
      if (!c) return current;
      const now = new Date().toISOString();
      const fields: Record<string, unknown> = { ...c.set, updatedAt: now, version: current.version + 1 };
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':read': current.version };
      const sets = Object.entries(fields).map(([k, v], i) => {
        names[`#f${i}`] = k;
        values[`:f${i}`] = v;
        return `#f${i} = :f${i}`;
      });
      await transactWrite([
        {
          item: {
            Update: {
              TableName: tableName(),
              Key: botKey(teamId, botId),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression: 'version = :read',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          onConditionFailed: (old) =>
            !old ? new NotFound('Bot') : requiredVersion !== undefined ? new PreconditionFailed() : new WriteConflict(),
        },
        auditPut(teamId, { actor, module: 'widget', action: c.action, botId, targetId: botId, changes: c.changes }, now),
      ]);
      return { ...current, ...fields } as StoredBot;
    },
    { onExhausted: () => new Conflict('The bot changed during the update; retry.') },
  );
}
