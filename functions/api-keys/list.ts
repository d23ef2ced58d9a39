import { listApiKeys } from '../../shared/domain/team/api-keys.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

export const handler = api(route('listApiKeys'), request, async ({ principal, query }) => ({
  body: await listApiKeys(principal.teamId, query.limit, query.cursor),
}));
