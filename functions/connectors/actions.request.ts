import { BulkActionInput } from '../../shared/domain/connectors/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /connectors/actions`: `{ action, connectorIds }`. */
export const request = { body: BulkActionInput } satisfies RequestSchemas;
