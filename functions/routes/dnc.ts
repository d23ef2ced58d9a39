import type { RouteDef } from '../../shared/http/route.js';

/** The team's do-not-call list, enforced on every outbound path. */
export const DNC_ROUTES = [
  {
    method: 'GET',
    path: '/api/teams/{teamId}/dnc',
    operation: 'listDnc',
    minRole: 'member',
    handler: 'dnc/list',
    status: 200,
    summary: 'List the do-not-call list',
    tag: 'campaigns',
  },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/dnc',
    operation: 'addDnc',
    minRole: 'admin',
    handler: 'dnc/add',
    status: 200,
    summary: 'Add up to 1,000 numbers to the do-not-call list',
    tag: 'campaigns',
  },
  {
    method: 'DELETE',
    path: '/api/teams/{teamId}/dnc/{number}',
    operation: 'deleteDnc',
    minRole: 'admin',
    handler: 'dnc/delete',
    status: 204,
    summary: 'Remove a number from the do-not-call list',
    tag: 'campaigns',
  },
] as const satisfies readonly RouteDef[];
