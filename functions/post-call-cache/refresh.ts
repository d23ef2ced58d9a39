import { actorOf } from '../../shared/auth/principal.js';
import { refreshPostCallCache } from '../../shared/domain/bots/post-call-cache.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** `version` + 1 and `refreshedBy` the caller; 409 when neither an analysis nor a QC prompt is set. */
export const handler = api(route('refreshPostCallCache'), {}, async ({ principal, params }) => ({
  body: await refreshPostCallCache(principal.teamId, params.botId, actorOf(principal)),
}));
