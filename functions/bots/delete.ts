import { actorOf } from '../../shared/auth/principal.js';
import { deleteBot } from '../../shared/domain/bots/bots.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** Seed 003: `200 {"message":"Bot deleted"}`. */
export const handler = api(route('deleteBot'), {}, async ({ principal, params }) => {
  await deleteBot(principal.teamId, params.botId!, actorOf(principal));
  return { statusCode: 200, body: { message: 'Bot deleted' } };
});
