import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { relayOutbox } from '../../shared/events/outbox.js';
import { OUTBOX_AGE_METRIC, oldestOutboxEntryAgeSeconds } from '../../shared/events/outbox-age.js';
import { logger } from '../../shared/logger.js';

const metrics = new Metrics({ namespace: OUTBOX_AGE_METRIC.namespace, serviceName: 'botops' });

/**
 * EventBridge rule `rate(1 minute)` -> publishes outbox entries older than OUTBOX_RELAY_MIN_AGE_SECONDS that the
 * request which wrote them could not publish (see shared/events/outbox.ts). Locally the same pass runs on an
 * interval of the local runtime. Each pass then reports the age of the oldest entry left as a CloudWatch metric
 * (embedded metric format, a log line: no API call), which the stack alarms on.
 */
export const handler = async (): Promise<{ published: number; failed: number; deadLettered: number }> => {
  const result = await relayOutbox();
  if (result.published || result.failed || result.deadLettered) logger.info('outbox relay pass', result);
  metrics.addMetric(OUTBOX_AGE_METRIC.name, MetricUnit.Seconds, await oldestOutboxEntryAgeSeconds());
  metrics.publishStoredMetrics();
  return result;
};
