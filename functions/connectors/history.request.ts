import { HistoryQuery } from '../../shared/domain/connectors/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /connectors/{connectorId}/history`: a page of status changes. */
export const request = { query: HistoryQuery } satisfies RequestSchemas;
