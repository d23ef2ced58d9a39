import { actorOf } from '../../shared/auth/principal.js';
import { embedCode, regenerateWidgetKey } from '../../shared/domain/widget/widget.js';
import { publicBaseUrl } from '../../shared/http/base-url.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/**
 * Seed 004 "Regenerate": "Existing embeds will stop working immediately." `{ apiKey, embedCode, keyCreatedAt }`
 * with the new key in clear. Not idempotent on purpose: a retry makes another key, and replaying a stored
 * answer could hand out a key that a later regenerate already replaced.
 */
export const handler = api(route('regenerateWidgetKey'), {}, async ({ event, principal, params }) => {
  const bot = await regenerateWidgetKey(principal.teamId, params.botId!, actorOf(principal));
  const { key, keyCreatedAt } = bot.widget!;
  return {
    statusCode: 200,
    body: { apiKey: key, embedCode: embedCode(publicBaseUrl(event), bot.id, key), keyCreatedAt },
    headers: { 'Cache-Control': 'no-store', ETag: etagOf(bot.version) },
  };
});
