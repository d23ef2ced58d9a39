import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { config } from '../../config.js';
import { doc, tableName } from '../../db/client.js';
import { botIdIndexPartition, botKey } from '../../db/keys.js';
import { consumeRateLimit } from '../../db/rate-limit.js';
import { widgetSessionSecret } from '../../ports/session-secret.js';
import type { Bot, StoredBot } from '../bots/model.js';
import { Forbidden, RateLimited, Unauthenticated } from '../errors.js';
import { parseWidgetKey, widgetKeyHash, widgetKeyMatches } from './key.js';
import { originAllowed } from './origins.js';
import { signWidgetSession } from './session-token.js';

/** The bot fields a visitor's browser may see: the chat widget's appearance, and the bot's name. */
export type WidgetAppearance = Pick<
  Bot,
  'name' | 'color' | 'icon' | 'alignment' | 'botIcon' | 'branding' | 'supportLink' | 'showButtonLabel' | 'labels'
>;

/** `201` of `POST /widget/v1/sessions`. `token` is the signed session (HS256 JWT); `expiresAt` is ISO-8601 UTC. */
export type WidgetSession = { sessionId: string; token: string; botId: string; expiresAt: string; appearance: WidgetAppearance };

/**
 * Widget session settings: `WIDGET_SESSION_TTL_SECONDS` (default 900), `WIDGET_SESSION_RATE_LIMIT` sessions per key
 * and window (default 300), `WIDGET_SESSION_RATE_WINDOW_SECONDS` (default 60).
 */
export function widgetSessionConfig() {
  const c = config();
  return {
    ttlSeconds: c.WIDGET_SESSION_TTL_SECONDS,
    rateLimit: c.WIDGET_SESSION_RATE_LIMIT,
    rateWindowSeconds: c.WIDGET_SESSION_RATE_WINDOW_SECONDS,
  };
}

/** What a visit to a page with the widget presents: the widget key and the page's origin, both from the browser. */
export type WidgetVisit = {
  key: string | undefined;
  origin: string | undefined;
  /** The bot the key names (read strongly consistent), and its team; absent when the key names no bot. */
  found?: { teamId: string; bot: StoredBot };
  /**
   * True when that bot allows the origin. It decides the CORS answer to every outcome of the visit, refusals
   * included, so the widget can read why it was refused exactly when the page is one the bot allows.
   */
  originAllowed: boolean;
};

/**
 * The bot a widget key claims (the bot-id index names its team, then the bot item is read with a strongly
 * consistent GetItem, so a regenerated key fails from the commit on) and whether it allows `origin`. Never throws
 * on what the browser sends: a malformed key names no bot.
 */
export async function findWidgetVisit(input: { key: string | undefined; origin: string | undefined }): Promise<WidgetVisit> {
  const claimed = parseWidgetKey(input.key);
  const found = claimed ? await findBot(claimed.botId, { consistent: true }) : undefined;
  return { ...input, ...(found ? { found } : {}), originAllowed: found ? originAllowed(input.origin, found.bot.allowedDomains) : false };
}

/**
 * `POST /widget/v1/sessions`, in this order:
 *
 * 1. `Unauthenticated` when the key is missing, malformed, or not the bot's current key;
 * 2. `Forbidden` (with `details.reason`) when the origin is not allowed (`origin_not_allowed`), the widget is
 *    disabled (`widget_disabled`) or the bot is paused (`bot_paused`);
 * 3. `RateLimited` beyond `WIDGET_SESSION_RATE_LIMIT` sessions per key and window (only sessions that pass 1 and 2
 *    count, so refused origins cannot use up a site's budget);
 * 4. otherwise a session: a ULID, a signed token valid `WIDGET_SESSION_TTL_SECONDS`, and the public appearance.
 *
 * Requests: one UpdateItem (the rate counter) on top of `findWidgetVisit`'s reads.
 */
export async function openWidgetSession(visit: WidgetVisit, nowMs = Date.now()): Promise<WidgetSession> {
  const bot = visit.found?.bot;
  if (!bot?.widget || !visit.key || !widgetKeyMatches(visit.key, bot.widget.key)) {
    throw new Unauthenticated('A valid X-Widget-Key is required: copy the embed code of the bot again.');
  }
  if (!visit.originAllowed)
    throw refused('origin_not_allowed', `The origin ${visit.origin ?? '(none)'} is not in the allowed domains of this widget.`);
  if (!bot.widget.enabled) throw refused('widget_disabled', 'The widget of this bot is disabled.');
  if (!bot.active) throw refused('bot_paused', 'The bot is paused.');

  const cfg = widgetSessionConfig();
  const keyHash = widgetKeyHash(visit.key);
  const limit = await consumeRateLimit(`WIDGETKEY#${keyHash.slice(0, 32)}`, cfg.rateLimit, cfg.rateWindowSeconds, nowMs);
  if (!limit.allowed) {
    throw new RateLimited(
      limit.retryAfterSeconds,
      `More than ${cfg.rateLimit} sessions in ${cfg.rateWindowSeconds} s for this widget key.`,
    );
  }

  const iat = Math.floor(nowMs / 1000);
  const exp = iat + cfg.ttlSeconds;
  const sessionId = ulid(nowMs);
  const token = signWidgetSession(
    {
      iss: 'botops',
      aud: 'botops-widget',
      sub: sessionId,
      tid: visit.found!.teamId,
      bid: bot.id,
      kh: keyHash.slice(0, 16),
      org: visit.origin ?? null,
      iat,
      exp,
    },
    await widgetSessionSecret(),
  );
  return { sessionId, token, botId: bot.id, expiresAt: new Date(exp * 1000).toISOString(), appearance: appearanceOf(bot) };
}

/**
 * The CORS preflight of a session (`OPTIONS /widget/v1/sessions?botId=<botId>`): a browser sends no widget key with
 * a preflight, so the widget script names its bot in the query string. True when that bot exists and allows
 * `origin`. Disabled widgets and paused bots pass on purpose: the session request then says why it is refused.
 * One Query of the bot-id index (eventually consistent, which is fine: the session request re-checks).
 */
export async function preflightAllows(botId: string | undefined, origin: string | undefined): Promise<boolean> {
  const found = botId && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(botId) ? await findBot(botId, { consistent: false }) : undefined;
  return Boolean(origin && found && originAllowed(origin, found.bot.allowedDomains));
}

/** The public appearance of a bot, as the session hands it to the widget script. */
export function appearanceOf(bot: Bot): WidgetAppearance {
  const { name, color, icon, alignment, botIcon, branding, supportLink, showButtonLabel, labels } = bot;
  return { name, color, icon, alignment, botIcon, branding, supportLink, showButtonLabel, labels };
}

/** The bot with this id and its team: the index names the team, then (when `consistent`) the bot item itself is read. */
async function findBot(botId: string, opts: { consistent: boolean }): Promise<{ teamId: string; bot: StoredBot } | undefined> {
  const res = await doc.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': botIdIndexPartition(botId) },
      Limit: 1,
    }),
  );
  const indexed = res.Items?.[0] as (StoredBot & { teamId: string }) | undefined;
  if (!indexed) return undefined;
  if (!opts.consistent) return { teamId: indexed.teamId, bot: indexed };
  const fresh = await doc.send(new GetCommand({ TableName: tableName(), Key: botKey(indexed.teamId, botId), ConsistentRead: true }));
  return fresh.Item ? { teamId: indexed.teamId, bot: fresh.Item as StoredBot } : undefined;
}

const refused = (reason: string, detail: string) => new Forbidden(detail, { reason });
