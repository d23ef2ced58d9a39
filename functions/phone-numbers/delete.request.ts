import { PhoneNumberParams } from '../../shared/domain/phone-numbers/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `DELETE /phone-numbers/{number}`: the number, `+` as is or percent-encoded. */
export const request = { params: PhoneNumberParams } satisfies RequestSchemas;
