import { PhoneNumberCreateInput } from '../../shared/domain/phone-numbers/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /phone-numbers`: `{ number, botId }`. */
export const request = { body: PhoneNumberCreateInput } satisfies RequestSchemas;
