import { actorOf } from '../../shared/auth/principal.js';
import { reportCallEvent } from '../../shared/domain/calls/calls.js';
import { CallEventInput } from '../../shared/domain/calls/schema.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** The telephony side reports progress and outcome; answers at once (the post-call push runs elsewhere). */
export const handler = api(route('reportCallEvent'), { body: CallEventInput }, async ({ principal, params, body }) => {
  return { statusCode: 200, body: await reportCallEvent(principal.teamId, params.callId!, body, actorOf(principal)) };
});
