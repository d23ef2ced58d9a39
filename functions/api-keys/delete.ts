import { actorOf } from '../../shared/auth/principal.js';
import { deleteApiKey } from '../../shared/domain/team/api-keys.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('deleteApiKey'), {}, async ({ principal, params }) => {
  await deleteApiKey(principal.teamId, params.keyId, actorOf(principal));
});
