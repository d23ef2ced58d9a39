import { actorOf } from '../../shared/auth/principal.js';
import { toBot, updateBot } from '../../shared/domain/bots/bots.js';
import { BotUpdateInput, decorateWizardErrors } from '../../shared/domain/bots/schema.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(
  route('updateBot'),
  { body: BotUpdateInput, decorateErrors: decorateWizardErrors },
  async ({ principal, params, body, headers }) => {
    const bot = await updateBot(principal.teamId, params.botId!, body, actorOf(principal), requiredVersion(headers['if-match']));
    return { statusCode: 200, body: toBot(bot), headers: { ETag: etagOf(bot.version) } };
  },
);
