import { actorOf } from '../../shared/auth/principal.js';
import { deleteBotAndData } from '../../shared/domain/bots/reset.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/**
 * DocsBot-compatible `{"message":"Bot deleted"}`. Releases the bot's phone numbers and deletes its stopped
 * campaigns; 409 naming the running ones. Its data is purged in the background.
 */
export const handler = api(route('deleteBot'), {}, async ({ principal, params }) => {
  await deleteBotAndData(principal.teamId, params.botId, actorOf(principal));
  return { body: { message: 'Bot deleted' } };
});
