import { listConnectorHistory } from '../../shared/domain/connectors/queries.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './history.request.js';

/** The health check's status changes of one connector, newest first; bot data, so a bot reset empties it. */
export const handler = api(route('listConnectorHistory'), request, async ({ principal, params, query }) => ({
  body: await listConnectorHistory(principal.teamId, params.connectorId, query.limit, query.cursor),
}));
