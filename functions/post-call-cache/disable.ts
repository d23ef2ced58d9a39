import { actorOf } from '../../shared/auth/principal.js';
import { setPostCallCacheEnabled } from '../../shared/domain/bots/post-call-cache.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('disablePostCallCache'), {}, async ({ principal, params }) => ({
  body: await setPostCallCacheEnabled(principal.teamId, params.botId, false, actorOf(principal)),
}));
