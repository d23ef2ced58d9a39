import { connectorCapacity } from '../../shared/domain/connectors/queries.js';
import { CapacityQuery } from '../../shared/domain/connectors/schema.js';
import { api } from '../../shared/http/handler.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

/** Seed 002 failover guidance: `{ recommendedConnectors, currentConnectors, onlineConnectors, warnings }`. */
export const handler = api(route('getConnectorCapacity'), {}, async ({ principal, params, query }) => {
  const { environment, concurrentConversations } = parseOr400(CapacityQuery, query);
  return { statusCode: 200, body: await connectorCapacity(principal.teamId, params.botId!, environment, concurrentConversations) };
});
