import { listConnectors } from '../../shared/domain/connectors/queries.js';
import { ConnectorListQuery } from '../../shared/domain/connectors/schema.js';
import { api } from '../../shared/http/handler.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

export const handler = api(route('listConnectors'), {}, async ({ principal, query }) => {
  const { limit, cursor, ...filters } = parseOr400(ConnectorListQuery, query);
  return { statusCode: 200, body: await listConnectors(principal.teamId, filters, limit, cursor) };
});
