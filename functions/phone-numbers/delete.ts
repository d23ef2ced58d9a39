import { actorOf } from '../../shared/auth/principal.js';
import { deletePhoneNumber } from '../../shared/domain/phone-numbers/phone-numbers.js';
import { PhoneNumberParam } from '../../shared/domain/phone-numbers/schema.js';
import { api } from '../../shared/http/handler.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

/** `204`. The number travels as `+14155550123` or percent-encoded `%2B14155550123`; anything else is a 400. */
export const handler = api(route('deletePhoneNumber'), {}, async ({ principal, params }) => {
  const { number } = parseOr400(PhoneNumberParam, { number: safeDecode(params.number ?? '') });
  await deletePhoneNumber(principal.teamId, number, actorOf(principal));
  return { statusCode: 204 };
});

/** API Gateway hands path parameters over as sent; decode `%2B` once (a stray `%` is left for validation to refuse). */
function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
