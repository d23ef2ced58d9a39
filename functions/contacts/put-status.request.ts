import { BotStatusPutInput, ContactParams } from '../../shared/domain/contacts/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `PUT .../contacts/{contactId}/bot-status`: `{ status, reactivateAt? | reactivateAfter? }`. */
export const request = { body: BotStatusPutInput, params: ContactParams } satisfies RequestSchemas;
