import { actorOf } from '../../shared/auth/principal.js';
import { toBot } from '../../shared/domain/bots/model.js';
import { cloneBot } from '../../shared/domain/bots/lifecycle.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';

/** The new bot, `Location` its URL; an `Idempotency-Key` makes a retried click create one clone. */
export const handler = api(route('cloneBot'), { idempotency: idempotent() }, async ({ principal, params }) => {
  const bot = await cloneBot(principal.teamId, params.botId, actorOf(principal));
  return { body: toBot(bot), headers: { ETag: etagOf(bot.version), Location: `/api/teams/${principal.teamId}/bots/${bot.id}` } };
});
