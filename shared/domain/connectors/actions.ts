import type { Actor } from '../../auth/principal.js';
import { logger } from '../../logger.js';
import { DomainError, NotFound } from '../errors.js';
import { changeConnector, type Decision } from './connectors.js';
import type { ConnectorAction } from './schema.js';
import { getConnectors, type StoredConnector } from './store.js';

/** Start, stop and restart: one connector, or many in one request, each independently. */

/** The state a start/stop/restart leads to, or `unchanged` when the connector is already there. */
function decideAction(action: ConnectorAction) {
  return (c: StoredConnector): Decision => {
    const now = new Date().toISOString();
    if (action === 'stop') {
      if (c.status === 'stopped') return 'unchanged';
      return {
        next: { ...c, status: 'stopped', statusChangedAt: now },
        action,
        changes: { status: { before: c.status, after: 'stopped' } },
      };
    }
    // start is a no-op on a running connector; restart always begins again (stop, then start).
    if (action === 'start' && c.status !== 'stopped') return 'unchanged';
    const next: StoredConnector = { ...c, status: 'starting', statusChangedAt: now, consecutiveFailures: 0, lastError: null };
    return { next, action, changes: { status: { before: c.status, after: 'starting' } } };
  };
}

/**
 * `POST /connectors/{id}/start|stop|restart`: `starting` (it becomes `online` when a health check
 * passes) / `stopped` / `starting`. Starting a running or stopping a stopped connector changes nothing and
 * answers it as it is (so retries and bulk calls are safe). A stop removes it from the health-check index at
 * once, in the same write, so no later check can move it again.
 */
export async function applyAction(
  teamId: string,
  connectorId: string,
  action: ConnectorAction,
  actor: Actor,
  prefetched?: StoredConnector,
): Promise<StoredConnector> {
  return (await changeConnector(teamId, connectorId, actor, decideAction(action), { prefetched }))!;
}

/** What a bulk action did to one connector: its new state, or why it was refused (a domain error, or a failure). */
export type BulkOutcome = { connectorId: string; connector: StoredConnector } | { connectorId: string; error: unknown };

/**
 * `POST /connectors/actions`: applies `action` to each connector independently (bounded concurrency), so one
 * connector's failure never stops the others. Unknown ids and other teams' ids are `NotFound`, exactly as the
 * single routes refuse them. Outcomes keep the request's order; failures other than domain errors are logged.
 */
export async function bulkAction(teamId: string, action: ConnectorAction, ids: string[], actor: Actor): Promise<BulkOutcome[]> {
  const found = await getConnectors(teamId, ids);
  const results: BulkOutcome[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const id = ids[i]!;
      try {
        const c = found.get(id);
        if (!c) throw new NotFound('Connector');
        results[i] = { connectorId: id, connector: await applyAction(teamId, id, action, actor, c) };
      } catch (error) {
        if (!(error instanceof DomainError))
          logger.error('bulk connector action failed', { connectorId: id, action, error: error as Error });
        results[i] = { connectorId: id, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(10, ids.length) }, worker));
  return results;
}
