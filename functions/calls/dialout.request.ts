import { DialoutInput } from '../../shared/domain/calls/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /bots/{botId}/dialout`: `{ to, from?, variables?, sipHeaders? }`. */
export const request = { body: DialoutInput } satisfies RequestSchemas;
