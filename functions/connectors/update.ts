import { actorOf } from '../../shared/auth/principal.js';
import { updateConnector } from '../../shared/domain/connectors/connectors.js';
import { toConnector } from '../../shared/domain/connectors/store.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './update.request.js';

/** Only while stopped (409 otherwise); absent fields unchanged; a stale `If-Match` is a 412. */
export const handler = api(route('updateConnector'), request, async ({ principal, params, body, headers }) => {
  const c = await updateConnector(principal.teamId, params.connectorId, body, actorOf(principal), requiredVersion(headers['if-match']));
  return { body: toConnector(c), headers: { ETag: etagOf(c.version) } };
});
