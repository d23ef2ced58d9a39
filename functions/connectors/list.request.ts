import { ConnectorListQuery } from '../../shared/domain/connectors/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /connectors?environment=&botId=&status=` and a page. */
export const request = { query: ConnectorListQuery } satisfies RequestSchemas;
