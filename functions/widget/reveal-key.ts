import { actorOf } from '../../shared/auth/principal.js';
import { embedCode, revealWidgetKey } from '../../shared/domain/widget/widget.js';
import { publicBaseUrl } from '../../shared/http/base-url.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** `{ apiKey, embedCode }` in clear; the audit log records who revealed it. */
export const handler = api(route('revealWidgetKey'), {}, async ({ event, principal, params }) => {
  const { bot, key } = await revealWidgetKey(principal.teamId, params.botId, actorOf(principal));
  return { body: { apiKey: key, embedCode: embedCode(publicBaseUrl(event), bot.id, key) }, headers: { 'Cache-Control': 'no-store' } };
});
