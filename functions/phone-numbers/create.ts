import { actorOf } from '../../shared/auth/principal.js';
import { createPhoneNumber } from '../../shared/domain/phone-numbers/phone-numbers.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';
import { request } from './create.request.js';

/** `{ number, botId, createdAt }`; 409 when the number already maps to a bot. */
export const handler = api(route('createPhoneNumber'), { ...request, idempotency: idempotent() }, async ({ principal, body }) => ({
  body: await createPhoneNumber(principal.teamId, body, actorOf(principal)),
}));
