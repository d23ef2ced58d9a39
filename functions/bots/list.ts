import { listBots } from '../../shared/domain/bots/bots.js';
import { api } from '../../shared/http/handler.js';
import { PageQuery } from '../../shared/domain/paging.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

/** Seed 003: the body is a plain JSON array; the next page's cursor travels in `X-Next-Cursor`. */
export const handler = api(route('listBots'), {}, async ({ principal, query }) => {
  const { limit, cursor } = parseOr400(PageQuery, query);
  const page = await listBots(principal.teamId, limit, cursor);
  return { statusCode: 200, body: page.items, headers: page.nextCursor ? { 'X-Next-Cursor': page.nextCursor } : undefined };
});
