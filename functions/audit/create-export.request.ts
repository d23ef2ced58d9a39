import { AuditExportInput } from '../../shared/audit/schemas.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /audit-logs/exports`: the filters of the list, no page. */
export const request = { body: AuditExportInput } satisfies RequestSchemas;
