import { actorOf } from '../../shared/auth/principal.js';
import { createConnector } from '../../shared/domain/connectors/connectors.js';
import { toConnector } from '../../shared/domain/connectors/store.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';
import { request } from './create.request.js';

/** A connector starts `stopped`; 404 for a missing or another team's bot. */
export const handler = api(route('createConnector'), { ...request, idempotency: idempotent() }, async ({ principal, params, body }) => {
  const c = await createConnector(principal.teamId, params.botId, body, actorOf(principal));
  return { body: toConnector(c), headers: { ETag: etagOf(c.version) } };
});
