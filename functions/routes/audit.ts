import type { RouteDef } from '../../shared/http/route.js';

/** Audit log: the filtered list and its CSV export. */
export const AUDIT_ROUTES = [
  {
    method: 'GET',
    path: '/api/teams/{teamId}/audit-logs',
    operation: 'listAuditLogs',
    minRole: 'admin',
    handler: 'audit/list',
    status: 200,
    summary: 'List audit events, newest first',
    tag: 'audit',
  },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/audit-logs/exports',
    operation: 'createAuditExport',
    minRole: 'admin',
    handler: 'audit/create-export',
    status: 202,
    idempotency: true,
    summary: 'Export the filtered audit log as CSV (202, runs in the background)',
    tag: 'audit',
  },
  {
    method: 'GET',
    path: '/api/teams/{teamId}/audit-logs/exports/{exportId}',
    operation: 'getAuditExport',
    minRole: 'admin',
    handler: 'audit/get-export',
    status: 200,
    summary: 'Export status, progress and download link',
    tag: 'audit',
  },
] as const satisfies readonly RouteDef[];
