import { AuditQuery } from '../../shared/audit/schemas.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /audit-logs`: the filters and a page. */
export const request = { query: AuditQuery } satisfies RequestSchemas;
