import type { Context } from 'aws-lambda';
import { runAuditExport } from '../shared/audit/csv-export.js';
import { config } from '../shared/config.js';
import { logger } from '../shared/logger.js';

/** The asynchronous invocation's payload, sent by `requestAuditExport` through the async-invoke port. */
type ExportJobEvent = { teamId: string; exportId: string };
// Two strings: checked by hand, so the exporter's bundle (and memory) carries no schema library.
const isJobEvent = (e: unknown): e is ExportJobEvent =>
  typeof e === 'object' &&
  e !== null &&
  ['teamId', 'exportId'].every((k) => {
    const value = (e as Record<string, unknown>)[k];
    return typeof value === 'string' && value.length > 0;
  });

/** Time kept back from Lambda's limit to abort the upload and record the failure before being killed. */
const SAFETY_MS = 45_000;
/** Without a Lambda context (the local runtime), a run gets what the deployed function gets: 15 minutes. */
const LOCAL_BUDGET_MS = 15 * 60_000;

/**
 * The audit exporter (not an API route): invoked asynchronously with `{ teamId, exportId }` by
 * `POST /audit-logs/exports` (on AWS a Lambda `Event` invocation, locally a background runner of `npm start`),
 * it streams the export's CSV to S3 (see `shared/audit/csv-export.ts`). A malformed event is logged and
 * dropped; a failed export is recorded on the export, not thrown. `EXPORT_PROGRESS_INTERVAL_MS` (default 2000)
 * sets how often progress is written.
 */
export const handler = async (event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  if (!isJobEvent(event)) {
    logger.error('audit exporter: malformed event, dropped', { event: JSON.stringify(event)?.slice(0, 500) });
    return { status: 'skipped' as const };
  }
  const budget = context?.getRemainingTimeInMillis ? context.getRemainingTimeInMillis() : LOCAL_BUDGET_MS;
  const progressEveryMs = config().EXPORT_PROGRESS_INTERVAL_MS;
  return runAuditExport(event.teamId, event.exportId, { deadline: Date.now() + budget - SAFETY_MS, progressEveryMs });
};
