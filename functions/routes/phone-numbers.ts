import type { RouteDef } from '../../shared/http/route.js';

/** Phone numbers (DID -> bot), one team per number. */
export const PHONE_NUMBER_ROUTES = [
  {
    method: 'GET',
    path: '/api/teams/{teamId}/phone-numbers',
    operation: 'listPhoneNumbers',
    minRole: 'member',
    handler: 'phone-numbers/list',
    status: 200,
    summary: 'List phone numbers (DID -> bot)',
    tag: 'phone-numbers',
  },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/phone-numbers',
    operation: 'createPhoneNumber',
    minRole: 'member',
    handler: 'phone-numbers/create',
    status: 201,
    idempotency: true,
    summary: 'Map a phone number (E.164) to a bot',
    tag: 'phone-numbers',
  },
  {
    method: 'DELETE',
    path: '/api/teams/{teamId}/phone-numbers/{number}',
    operation: 'deletePhoneNumber',
    minRole: 'member',
    handler: 'phone-numbers/delete',
    status: 204,
    summary: 'Release a phone number',
    tag: 'phone-numbers',
  },
] as const satisfies readonly RouteDef[];
