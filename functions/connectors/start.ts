import { actorOf } from '../../shared/auth/principal.js';
import { applyAction } from '../../shared/domain/connectors/actions.js';
import { toConnector } from '../../shared/domain/connectors/store.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('startConnector'), {}, async ({ principal, params }) => {
  const c = await applyAction(principal.teamId, params.connectorId, 'start', actorOf(principal));
  return { body: toConnector(c), headers: { ETag: etagOf(c.version) } };
});
