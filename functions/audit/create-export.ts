import { requestAuditExport } from '../../shared/audit/export-requests.js';
import { actorOf } from '../../shared/auth/principal.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';
import { request } from './create-export.request.js';

/** Accepted: the export runs in the background; `Location` is where to watch it. */
export const handler = api(route('createAuditExport'), { ...request, idempotency: idempotent() }, async ({ principal, body }) => {
  const job = await requestAuditExport(principal.teamId, body, actorOf(principal));
  return {
    body: { exportId: job.id, status: job.status },
    headers: { Location: `/api/teams/${principal.teamId}/audit-logs/exports/${job.id}` },
  };
});
