import { listAuditEvents } from '../../shared/audit/queries.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

export const handler = api(route('listAuditLogs'), request, async ({ principal, query }) => {
  const { limit, cursor, ...filters } = query;
  return { body: await listAuditEvents(principal.teamId, filters, limit, cursor) };
});
