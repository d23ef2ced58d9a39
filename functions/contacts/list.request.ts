import { ContactListQuery } from '../../shared/domain/contacts/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /bots/{botId}/contacts?status=` and a page. */
export const request = { query: ContactListQuery } satisfies RequestSchemas;
