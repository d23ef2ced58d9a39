import { type Actor, actorOf } from '../../shared/auth/principal.js';
import { bulkAction as applyBulkAction } from '../../shared/domain/connectors/actions.js';
import type { ConnectorAction, ConnectorStatus } from '../../shared/domain/connectors/schema.js';
import { api } from '../../shared/http/handler.js';
import { type ProblemSummary, problemSummary } from '../../shared/http/problem.js';
import { route } from '../routes.js';
import { request } from './actions.request.js';

/** One entry of the answer: the connector's new status, or the problem the single-connector route would answer. */
export type BulkResult = { connectorId: string; ok: boolean; status?: ConnectorStatus; error?: ProblemSummary };

/** The bulk action with each outcome as the answer lists it, in the request's order. */
export async function bulkAction(teamId: string, action: ConnectorAction, ids: string[], actor: Actor): Promise<BulkResult[]> {
  return (await applyBulkAction(teamId, action, ids, actor)).map((o) =>
    'connector' in o
      ? { connectorId: o.connectorId, ok: true, status: o.connector.status }
      : { connectorId: o.connectorId, ok: false, error: problemSummary(o.error) },
  );
}

/** `{ action, results: [{ connectorId, ok, status?, error? }] }`, one entry per id, in the request's order. */
export const handler = api(route('bulkConnectorAction'), request, async ({ principal, body }) => ({
  body: { action: body.action, results: await bulkAction(principal.teamId, body.action, body.connectorIds, actorOf(principal)) },
}));
