import { requestAuditExport } from '../../shared/audit/export-requests.js';
import { AuditExportInput } from '../../shared/audit/schemas.js';
import { actorOf } from '../../shared/auth/principal.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';

export const handler = api(
  route('createAuditExport'),
  { body: AuditExportInput, idempotency: idempotent(route('createAuditExport')) },
  async ({ principal, body }) => {
    const job = await requestAuditExport(principal.teamId, body, actorOf(principal));
    return {
      statusCode: 202,
      body: { exportId: job.id, status: job.status },
      headers: { Location: `/api/teams/${principal.teamId}/audit-logs/exports/${job.id}` },
    };
  },
);
