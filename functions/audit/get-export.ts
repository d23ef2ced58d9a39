import { getAuditExportView } from '../../shared/audit/export-requests.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('getAuditExport'), {}, async ({ principal, params }) => ({
  body: await getAuditExportView(principal.teamId, params.exportId),
  // The body may carry a presigned download URL: no cache may keep it.
  headers: { 'Cache-Control': 'no-store' },
}));
