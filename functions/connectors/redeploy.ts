import { actorOf } from '../../shared/auth/principal.js';
import { redeployConnector, toConnector } from '../../shared/domain/connectors/connectors.js';
import { RedeployInput } from '../../shared/domain/connectors/schema.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** Seed 002: redeploy only while stopped (409 otherwise); the connector stays stopped until started. */
export const handler = api(route('redeployConnector'), { body: RedeployInput }, async ({ principal, params, body }) => {
  const c = await redeployConnector(principal.teamId, params.connectorId!, body.environment, actorOf(principal));
  return { statusCode: 200, body: toConnector(c), headers: { ETag: etagOf(c.version) } };
});
