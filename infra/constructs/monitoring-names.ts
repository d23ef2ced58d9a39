import { OUTBOX_AGE_METRIC } from '../../shared/events/outbox.js';

/** CloudWatch namespace of botops' own metrics (log metric filters and the outbox relay's embedded metrics). */
export const METRIC_NAMESPACE = OUTBOX_AGE_METRIC.namespace;
export { OUTBOX_AGE_METRIC };
