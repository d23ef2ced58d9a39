import { listBotCalls } from '../../shared/domain/calls/store.js';
import { api } from '../../shared/http/handler.js';
import { PageQuery } from '../../shared/domain/paging.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

/** A bot's calls, newest first: `{ items, nextCursor }`. */
export const handler = api(route('listBotCalls'), {}, async ({ principal, params, query }) => {
  const { limit, cursor } = parseOr400(PageQuery, query);
  return { statusCode: 200, body: await listBotCalls(principal.teamId, params.botId!, limit, cursor) };
});
