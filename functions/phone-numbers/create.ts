import { actorOf } from '../../shared/auth/principal.js';
import { createPhoneNumber } from '../../shared/domain/phone-numbers/phone-numbers.js';
import { PhoneNumberCreateInput } from '../../shared/domain/phone-numbers/schema.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';

/** `201 { number, botId, createdAt }`; `409` when the number already maps to a bot. */
export const handler = api(
  route('createPhoneNumber'),
  { body: PhoneNumberCreateInput, idempotency: idempotent(route('createPhoneNumber')) },
  async ({ principal, body }) => {
    return { statusCode: 201, body: await createPhoneNumber(principal.teamId, body, actorOf(principal)) };
  },
);
