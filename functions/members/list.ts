import { listMembers } from '../../shared/domain/team/store.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

export const handler = api(route('listMembers'), request, async ({ principal, query }) => ({
  body: await listMembers(principal.teamId, query.limit, query.cursor),
}));
