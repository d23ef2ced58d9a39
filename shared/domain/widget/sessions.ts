import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { doc, tableName } from '../../db/client.js';
import { botIdIndexPartition, botKey } from '../../db/keys.js';
import { consumeRateLimit } from '../../db/rate-limit.js';
import { corsHeaders, preflightHeaders } from '../../http/cors.js';
import { HttpProblem } from '../../http/problem.js';
import { widgetSessionSecret } from '../../ports/session-secret.js';
import type { Bot, StoredBot } from '../bots/bots.js';
import { parseWidgetKey, widgetKeyHash, widgetKeyMatches } from './key.js';
import { originAllowed } from './origins.js';
import { signWidgetSession } from './session-token.js';

/** The bot fields a visitor's browser may see: seed 003's chat widget appearance, and the bot's name. */
export type WidgetAppearance = Pick<
  Bot,
  'name' | 'color' | 'icon' | 'alignment' | 'botIcon' | 'branding' | 'supportLink' | 'showButtonLabel' | 'labels'
>;

/** `201` of `POST /widget/v1/sessions`. `token` is the signed session (HS256 JWT); `expiresAt` is ISO-8601 UTC. */
export type WidgetSession = { sessionId: string; token: string; botId: string; expiresAt: string; appearance: WidgetAppearance };

/**
 * Settings from the environment, read per call (cheap) so tests can shorten them:
 * `WIDGET_SESSION_TTL_SECONDS` (default 900), `WIDGET_SESSION_RATE_LIMIT` sessions per key and window (default 300),
 * `WIDGET_SESSION_RATE_WINDOW_SECONDS` (default 60).
 */
export function widgetSessionConfig() {
  return {
    ttlSeconds: positiveInt('WIDGET_SESSION_TTL_SECONDS', 900),
    rateLimit: positiveInt('WIDGET_SESSION_RATE_LIMIT', 300),
    rateWindowSeconds: positiveInt('WIDGET_SESSION_RATE_WINDOW_SECONDS', 60),
  };
}

/** The request headers the widget sends; what a preflight allows. Browsers cache a preflight for `maxAge` s. */
const PREFLIGHT = { methods: ['POST'], headers: ['X-Widget-Key', 'Content-Type'], maxAgeSeconds: 600 };

/**
 * `POST /widget/v1/sessions` (spec, "Web widget"), in this order:
 *
 * 1. `401` when `X-Widget-Key` is missing, malformed, or not the bot's current key (a regenerated key fails from
 *    the commit on: the bot item is read with a strongly consistent GetItem, after the bot-id index named its team);
 * 2. `403` when the `Origin` is not allowed (no CORS headers: the browser reports the refusal), when the widget is
 *    disabled, or when the bot is paused (`active: false`); `reason` in the problem says which;
 * 3. `429` with `Retry-After` beyond `WIDGET_SESSION_RATE_LIMIT` sessions per key and window (only sessions that
 *    pass 1 and 2 count, so refused origins cannot use up a site's budget);
 * 4. otherwise a session: a ULID, a signed token valid `WIDGET_SESSION_TTL_SECONDS`, and the public appearance.
 *
 * CORS: every answer carries `Vary: Origin`, and `Access-Control-Allow-Origin: <origin>` exactly when the bot the
 * key names allows that origin (so the widget can read why a session was refused), never `*`, never credentials.
 * The returned `headers` belong on the response; a thrown `HttpProblem` carries them too.
 * Requests: Query (bot-id index) + GetItem, and one UpdateItem (the rate counter) on success.
 */
export async function createWidgetSession(input: {
  key: string | undefined;
  origin: string | undefined;
  nowMs?: number;
}): Promise<{ session: WidgetSession; headers: Record<string, string> }> {
  const nowMs = input.nowMs ?? Date.now();
  const claimed = parseWidgetKey(input.key);
  const found = claimed ? await findBot(claimed.botId, { consistent: true }) : undefined;
  const allowed = found ? originAllowed(input.origin, found.bot.allowedDomains) : false;
  const headers = corsHeaders(input.origin, allowed, ['Retry-After']);

  const bot = found?.bot;
  if (!bot?.widget || !input.key || !widgetKeyMatches(input.key, bot.widget.key)) {
    throw new HttpProblem(
      401,
      'Unauthorized',
      'A valid X-Widget-Key is required: copy the embed code of the bot again.',
      undefined,
      {},
      headers,
    );
  }
  if (!allowed)
    throw refused('origin_not_allowed', `The origin ${input.origin ?? '(none)'} is not in the allowed domains of this widget.`, headers);
  if (!bot.widget.enabled) throw refused('widget_disabled', 'The widget of this bot is disabled.', headers);
  if (!bot.active) throw refused('bot_paused', 'The bot is paused.', headers);

  const cfg = widgetSessionConfig();
  const keyHash = widgetKeyHash(input.key);
  const limit = await consumeRateLimit(`WIDGETKEY#${keyHash.slice(0, 32)}`, cfg.rateLimit, cfg.rateWindowSeconds, nowMs);
  if (!limit.allowed) {
    throw new HttpProblem(
      429,
      'Too Many Requests',
      `More than ${cfg.rateLimit} sessions in ${cfg.rateWindowSeconds} s for this widget key.`,
      undefined,
      {},
      {
        ...headers,
        'Retry-After': String(limit.retryAfterSeconds),
      },
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
      tid: found!.teamId,
      bid: bot.id,
      kh: keyHash.slice(0, 16),
      org: input.origin ?? null,
      iat,
      exp,
    },
    await widgetSessionSecret(),
  );
  return {
    session: { sessionId, token, botId: bot.id, expiresAt: new Date(exp * 1000).toISOString(), appearance: appearanceOf(bot) },
    headers,
  };
}

/**
 * `OPTIONS /widget/v1/sessions?botId=<botId>`: the CORS preflight. A browser sends no `X-Widget-Key` with a
 * preflight, so the widget script names its bot in the query string; the preflight passes when that bot exists
 * and allows the `Origin`, and answers `403` without CORS headers otherwise (the browser then never sends the
 * POST). Disabled widgets and paused bots pass the preflight on purpose: the POST then answers `403` with a
 * readable reason. One Query of the bot-id index (eventually consistent, which is fine: the POST re-checks).
 */
export async function preflightWidgetSession(botId: string | undefined, origin: string | undefined): Promise<Record<string, string>> {
  const found = botId && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(botId) ? await findBot(botId, { consistent: false }) : undefined;
  if (!origin || !found || !originAllowed(origin, found.bot.allowedDomains)) {
    throw new HttpProblem(
      403,
      'Forbidden',
      'This origin may not open sessions for this widget (or ?botId= names no bot).',
      undefined,
      {},
      corsHeaders(origin, false),
    );
  }
  return preflightHeaders(origin, PREFLIGHT.methods, PREFLIGHT.headers, PREFLIGHT.maxAgeSeconds);
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

const refused = (reason: string, detail: string, headers: Record<string, string>) =>
  new HttpProblem(403, 'Forbidden', detail, undefined, { reason }, headers);

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`environment variable ${name} must be a positive integer, got ${raw}`);
  return n;
}
