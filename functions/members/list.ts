import { listMembers } from '../../shared/domain/team.js';
import { api } from '../../shared/http/handler.js';
import { PageQuery } from '../../shared/domain/paging.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

export const handler = api(route('listMembers'), {}, async ({ principal, query }) => {
  const { limit, cursor } = parseOr400(PageQuery, query);
  return { statusCode: 200, body: await listMembers(principal.teamId, limit, cursor) };
});
