import { listMembers } from '../../shared/domain/team.js';
import { api } from '../../shared/http/handler.js';
import { pageParams } from '../../shared/http/paging.js';
import { route } from '../routes.js';

export const handler = api(route('listMembers'), {}, async ({ principal, query }) => {
  const { limit, cursor } = pageParams(query);
  return { statusCode: 200, body: await listMembers(principal.teamId, limit, cursor) };
});
