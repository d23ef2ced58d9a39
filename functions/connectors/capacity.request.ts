import { CapacityQuery } from '../../shared/domain/connectors/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /bots/{botId}/connectors/capacity?environment=&concurrentConversations=`. */
export const request = { query: CapacityQuery } satisfies RequestSchemas;
