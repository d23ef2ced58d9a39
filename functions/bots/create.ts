import { actorOf } from '../../shared/auth/principal.js';
import { createBot, toBot } from '../../shared/domain/bots/bots.js';
import { BotCreateInput, decorateWizardErrors } from '../../shared/domain/bots/schema.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';

export const handler = api(
  route('createBot'),
  { body: BotCreateInput, decorateErrors: decorateWizardErrors, idempotency: idempotent(route('createBot')) },
  async ({ principal, body }) => {
    const bot = await createBot(principal.teamId, body, actorOf(principal));
    return { statusCode: 201, body: toBot(bot), headers: { ETag: etagOf(bot.version) } };
  },
);
