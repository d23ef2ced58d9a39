import { actorOf } from '../../shared/auth/principal.js';
import { deleteConnector } from '../../shared/domain/connectors/connectors.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** Only a stopped connector can be deleted (409 otherwise). */
export const handler = api(route('deleteConnector'), {}, async ({ principal, params }) => {
  await deleteConnector(principal.teamId, params.connectorId, actorOf(principal));
});
