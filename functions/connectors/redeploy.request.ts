import { RedeployInput } from '../../shared/domain/connectors/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /connectors/{connectorId}/redeploy`: `{ environment }`. */
export const request = { body: RedeployInput } satisfies RequestSchemas;
