import { actorOf } from '../../shared/auth/principal.js';
import { bulkAction } from '../../shared/domain/connectors/connectors.js';
import { BulkActionInput } from '../../shared/domain/connectors/schema.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** Spec: `200 { results: [{ connectorId, ok, status?, error? }] }`, one entry per id, in the request's order. */
export const handler = api(route('bulkConnectorAction'), { body: BulkActionInput }, async ({ principal, body }) => ({
  statusCode: 200,
  body: { action: body.action, results: await bulkAction(principal.teamId, body.action, body.connectorIds, actorOf(principal)) },
}));
