import { listContactStatuses } from '../../shared/domain/contacts/contacts.js';
import { ContactListQuery } from '../../shared/domain/contacts/schema.js';
import { api } from '../../shared/http/handler.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

/** The bot statuses of a bot's contacts, `?status=active|inactive` (most recently changed first) or all. */
export const handler = api(route('listContacts'), {}, async ({ principal, params, query }) => {
  const { status, limit, cursor } = parseOr400(ContactListQuery, query);
  return { statusCode: 200, body: await listContactStatuses(principal.teamId, params.botId!, status, limit, cursor) };
});
