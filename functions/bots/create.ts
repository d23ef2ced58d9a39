import { actorOf } from '../../shared/auth/principal.js';
import { createBot } from '../../shared/domain/bots/bots.js';
import { toBot } from '../../shared/domain/bots/model.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';
import { request } from './create.request.js';

export const handler = api(route('createBot'), { ...request, idempotency: idempotent() }, async ({ principal, body }) => {
  const bot = await createBot(principal.teamId, body, actorOf(principal));
  return { body: toBot(bot), headers: { ETag: etagOf(bot.version) } };
});
