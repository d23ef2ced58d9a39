import { actorOf } from '../../shared/auth/principal.js';
import { redeployConnector } from '../../shared/domain/connectors/connectors.js';
import { toConnector } from '../../shared/domain/connectors/store.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './redeploy.request.js';

/** Only while stopped (409 otherwise); the connector stays stopped until started. */
export const handler = api(route('redeployConnector'), request, async ({ principal, params, body }) => {
  const c = await redeployConnector(principal.teamId, params.connectorId, body.environment, actorOf(principal));
  return { body: toConnector(c), headers: { ETag: etagOf(c.version) } };
});
