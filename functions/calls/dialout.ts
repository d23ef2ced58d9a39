import { actorOf } from '../../shared/auth/principal.js';
import { dialout } from '../../shared/domain/calls/dialout.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';
import { request } from './dialout.request.js';

/** Accepted: `{ callId, status: "queued", ... }`; a retry with the same Idempotency-Key replays it (no second call). */
export const handler = api(route('dialout'), { ...request, idempotency: idempotent() }, async ({ principal, params, body }) => {
  const call = await dialout(principal.teamId, params.botId, body, actorOf(principal));
  return { body: { callId: call.id, ...call }, headers: { Location: `/api/teams/${principal.teamId}/calls/${call.id}` } };
});
