import { actorOf } from '../../shared/auth/principal.js';
import { deletePhoneNumber } from '../../shared/domain/phone-numbers/phone-numbers.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './delete.request.js';

/** The number travels as `+14155550123` or percent-encoded `%2B14155550123`; anything else is a 400. */
export const handler = api(route('deletePhoneNumber'), request, async ({ principal, params }) => {
  await deletePhoneNumber(principal.teamId, params.number, actorOf(principal));
});
