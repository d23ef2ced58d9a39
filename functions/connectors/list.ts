import { listConnectors } from '../../shared/domain/connectors/queries.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

export const handler = api(route('listConnectors'), request, async ({ principal, query }) => {
  const { limit, cursor, ...filters } = query;
  return { body: await listConnectors(principal.teamId, filters, limit, cursor) };
});
