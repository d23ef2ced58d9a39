/**
 * Names of botops' own CloudWatch metrics. Written here rather than imported from the runtime modules that emit
 * them (`shared/events/outbox.ts`), which create AWS clients when loaded; test/infra/monitoring.test.ts checks that
 * they match.
 */

/** Namespace of botops' own metrics (log metric filters and the outbox relay's embedded metrics). */
export const METRIC_NAMESPACE = 'botops';

/** `OUTBOX_AGE_METRIC` of shared/events/outbox-age.ts: the outbox relay's oldest-entry age, dimension `service`. */
export const OUTBOX_AGE_METRIC = { namespace: METRIC_NAMESPACE, name: 'OutboxOldestEntryAgeSeconds' } as const;
