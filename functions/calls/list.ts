import { listBotCalls } from '../../shared/domain/calls/store.js';
import { api } from '../../shared/http/handler.js';
import { pageParams } from '../../shared/http/paging.js';
import { route } from '../routes.js';

/** A bot's calls, newest first: `{ items, nextCursor }`. */
export const handler = api(route('listBotCalls'), {}, async ({ principal, params, query }) => {
  const { limit, cursor } = pageParams(query);
  return { statusCode: 200, body: await listBotCalls(principal.teamId, params.botId!, limit, cursor) };
});
