import { actorOf } from '../../shared/auth/principal.js';
import { reportCallEvent } from '../../shared/domain/calls/call-events.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './events.request.js';

/** The telephony side reports progress and outcome; answers at once (the post-call push runs elsewhere). */
export const handler = api(route('reportCallEvent'), request, async ({ principal, params, body }) => ({
  body: await reportCallEvent(principal.teamId, params.callId, body, actorOf(principal)),
}));
