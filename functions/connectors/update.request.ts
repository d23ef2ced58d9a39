import { ConnectorUpdateInput } from '../../shared/domain/connectors/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `PUT /connectors/{connectorId}`: any of the editable fields. */
export const request = { body: ConnectorUpdateInput } satisfies RequestSchemas;
