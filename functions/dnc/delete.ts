import { actorOf } from '../../shared/auth/principal.js';
import { removeFromDnc } from '../../shared/domain/dnc/dnc.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './delete.request.js';

/** 404 when the number is not on the list. */
export const handler = api(route('deleteDnc'), request, async ({ principal, params }) => {
  await removeFromDnc(principal.teamId, params.number, actorOf(principal));
});
