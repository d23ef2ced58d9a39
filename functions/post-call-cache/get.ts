import { getPostCallCache } from '../../shared/domain/bots/post-call-cache.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('getPostCallCache'), {}, async ({ principal, params }) => ({
  body: await getPostCallCache(principal.teamId, params.botId),
}));
