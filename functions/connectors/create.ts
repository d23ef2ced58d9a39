import { actorOf } from '../../shared/auth/principal.js';
import { createConnector, toConnector } from '../../shared/domain/connectors/connectors.js';
import { ConnectorCreateInput } from '../../shared/domain/connectors/schema.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';

/** Spec: `201`, `status: "stopped"`; 404 for a missing or another team's bot. */
export const handler = api(
  route('createConnector'),
  { body: ConnectorCreateInput, idempotency: idempotent(route('createConnector')) },
  async ({ principal, params, body }) => {
    const c = await createConnector(principal.teamId, params.botId!, body, actorOf(principal));
    return { statusCode: 201, body: toConnector(c), headers: { ETag: etagOf(c.version) } };
  },
);
