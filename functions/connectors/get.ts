import { getStoredConnector, toConnector } from '../../shared/domain/connectors/store.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('getConnector'), {}, async ({ principal, params }) => {
  const c = await getStoredConnector(principal.teamId, params.connectorId);
  return { body: toConnector(c), headers: { ETag: etagOf(c.version) } };
});
