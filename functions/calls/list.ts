import { listBotCalls } from '../../shared/domain/calls/store.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

/** A bot's calls, newest first: `{ items, nextCursor }`. */
export const handler = api(route('listBotCalls'), request, async ({ principal, params, query }) => ({
  body: await listBotCalls(principal.teamId, params.botId, query.limit, query.cursor),
}));
