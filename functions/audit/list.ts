import { listAuditEvents } from '../../shared/audit/audit.js';
import { AuditQuery } from '../../shared/audit/schemas.js';
import { api } from '../../shared/http/handler.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

export const handler = api(route('listAuditLogs'), {}, async ({ principal, query }) => {
  const { limit, cursor, ...filters } = parseOr400(AuditQuery, query);
  return { statusCode: 200, body: await listAuditEvents(principal.teamId, filters, limit, cursor) };
});
