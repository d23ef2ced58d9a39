import { getCall } from '../../shared/domain/calls/store.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** A call of the team; one of another team, or of a bot's data generation left by a reset, is 404. */
export const handler = api(route('getCall'), {}, async ({ principal, params }) => ({
  body: await getCall(principal.teamId, params.callId),
}));
