import { listBots } from '../../shared/domain/bots/bots.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

/** DocsBot-compatible: the body is a plain JSON array; the next page's cursor travels in `X-Next-Cursor`. */
export const handler = api(route('listBots'), request, async ({ principal, query }) => {
  const page = await listBots(principal.teamId, query.limit, query.cursor);
  return { body: page.items, headers: page.nextCursor ? { 'X-Next-Cursor': page.nextCursor } : undefined };
});
