import { connectorMetrics } from '../../shared/domain/connectors/queries.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './metrics.request.js';

/** Only the environment filter affects the metrics; the list's other filters are ignored. */
export const handler = api(route('getConnectorMetrics'), request, async ({ principal, query }) => ({
  body: await connectorMetrics(principal.teamId, query.environment),
}));
