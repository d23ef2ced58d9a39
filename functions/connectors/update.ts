import { actorOf } from '../../shared/auth/principal.js';
import { toConnector, updateConnector } from '../../shared/domain/connectors/connectors.js';
import { ConnectorUpdateInput } from '../../shared/domain/connectors/schema.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** Seed 002: edit only while stopped (409 otherwise); absent fields unchanged; stale If-Match 412. */
export const handler = api(route('updateConnector'), { body: ConnectorUpdateInput }, async ({ principal, params, body, headers }) => {
  const c = await updateConnector(principal.teamId, params.connectorId!, body, actorOf(principal), requiredVersion(headers['if-match']));
  return { statusCode: 200, body: toConnector(c), headers: { ETag: etagOf(c.version) } };
});
