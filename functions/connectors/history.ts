import { listConnectorHistory } from '../../shared/domain/connectors/queries.js';
import { api } from '../../shared/http/handler.js';
import { pageParams } from '../../shared/http/paging.js';
import { route } from '../routes.js';

/** The health check's status changes of one connector, newest first; bot data, so a bot reset empties it. */
export const handler = api(route('listConnectorHistory'), {}, async ({ principal, params, query }) => {
  const { limit, cursor } = pageParams(query);
  return { statusCode: 200, body: await listConnectorHistory(principal.teamId, params.connectorId!, limit, cursor) };
});
