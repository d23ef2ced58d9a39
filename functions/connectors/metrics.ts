import { connectorMetrics } from '../../shared/domain/connectors/queries.js';
import { MetricsQuery } from '../../shared/domain/connectors/schema.js';
import { api } from '../../shared/http/handler.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

/** Seed 002: only the environment filter affects the metrics; other list filters are ignored. */
export const handler = api(route('getConnectorMetrics'), {}, async ({ principal, query }) => {
  const { environment } = parseOr400(MetricsQuery, { environment: query.environment });
  return { statusCode: 200, body: await connectorMetrics(principal.teamId, environment) };
});
