import { ContactParams } from '../../shared/domain/contacts/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET .../contacts/{contactId}/bot-status`: the caller's own contact id. */
export const request = { params: ContactParams } satisfies RequestSchemas;
