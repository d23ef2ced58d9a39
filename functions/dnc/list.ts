import { listDnc } from '../../shared/domain/dnc/dnc.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

export const handler = api(route('listDnc'), request, async ({ principal, query }) => ({
  body: await listDnc(principal.teamId, query.limit, query.cursor),
}));
