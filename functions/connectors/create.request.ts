import { ConnectorCreateInput } from '../../shared/domain/connectors/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /bots/{botId}/connectors`. */
export const request = { body: ConnectorCreateInput } satisfies RequestSchemas;
