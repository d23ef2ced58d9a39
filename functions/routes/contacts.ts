import type { RouteDef } from '../../shared/http/route.js';

/** Contact bot status and messages. */
export const CONTACT_ROUTES = [
  {
    method: 'GET',
    path: '/api/teams/{teamId}/bots/{botId}/contacts',
    operation: 'listContacts',
    minRole: 'member',
    handler: 'contacts/list',
    status: 200,
    summary: 'List contact bot statuses (?status=active|inactive)',
    tag: 'contacts',
  },
  {
    method: 'GET',
    path: '/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/bot-status',
    operation: 'getContactBotStatus',
    minRole: 'member',
    handler: 'contacts/get-status',
    status: 200,
    summary: "Get the bot's status for a contact",
    tag: 'contacts',
  },
  {
    method: 'PUT',
    path: '/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/bot-status',
    operation: 'putContactBotStatus',
    minRole: 'member',
    handler: 'contacts/put-status',
    status: 200,
    summary: 'Switch the bot on or off for a contact, optionally until a time',
    tag: 'contacts',
  },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/messages',
    operation: 'postContactMessage',
    minRole: 'member',
    handler: 'contacts/post-message',
    status: 201,
    idempotency: true,
    summary: 'Record a message; apply the per-contact bot rules',
    tag: 'contacts',
  },
] as const satisfies readonly RouteDef[];
