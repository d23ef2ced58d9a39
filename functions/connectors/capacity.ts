import { connectorCapacity } from '../../shared/domain/connectors/capacity.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './capacity.request.js';

/** Failover guidance: `{ recommendedConnectors, currentConnectors, onlineConnectors, warnings }`. */
export const handler = api(route('getConnectorCapacity'), request, async ({ principal, params, query }) => ({
  body: await connectorCapacity(principal.teamId, params.botId, query.environment, query.concurrentConversations),
}));
