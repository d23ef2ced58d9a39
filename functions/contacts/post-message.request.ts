import { ContactParams, MessageInput } from '../../shared/domain/contacts/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST .../contacts/{contactId}/messages`: `{ sender, text? }`. */
export const request = { body: MessageInput, params: ContactParams } satisfies RequestSchemas;
