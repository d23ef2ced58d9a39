import { listContactStatuses } from '../../shared/domain/contacts/contacts.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

/** The bot statuses of a bot's contacts, `?status=active|inactive` (most recently changed first) or all. */
export const handler = api(route('listContacts'), request, async ({ principal, params, query }) => ({
  body: await listContactStatuses(principal.teamId, params.botId, query.status, query.limit, query.cursor),
}));
