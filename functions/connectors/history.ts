import { listConnectorHistory } from '../../shared/domain/connectors/queries.js';
import { api } from '../../shared/http/handler.js';
import { PageQuery } from '../../shared/domain/paging.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

/** The health check's status changes of one connector, newest first; bot data, so a bot reset empties it. */
export const handler = api(route('listConnectorHistory'), {}, async ({ principal, params, query }) => {
  const { limit, cursor } = parseOr400(PageQuery, query);
  return { statusCode: 200, body: await listConnectorHistory(principal.teamId, params.connectorId!, limit, cursor) };
});
