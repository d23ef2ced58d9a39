import { actorOf } from '../../shared/auth/principal.js';
import { addToDnc } from '../../shared/domain/dnc/dnc.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './add.request.js';

/** `200 { added }`: the numbers that were not on the list yet. */
export const handler = api(route('addDnc'), request, async ({ principal, body }) => ({
  body: await addToDnc(principal.teamId, body.numbers, body.reason ?? null, actorOf(principal)),
}));
