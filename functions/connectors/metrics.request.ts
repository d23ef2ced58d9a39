import { MetricsQuery } from '../../shared/domain/connectors/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /connectors/metrics?environment=`: other parameters are ignored. */
export const request = { query: MetricsQuery } satisfies RequestSchemas;
