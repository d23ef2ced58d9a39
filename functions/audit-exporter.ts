import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { runAuditExport } from '../shared/audit/csv-export.js';
import { logger } from '../shared/logger.js';

/** The asynchronous invocation's payload, sent by `requestAuditExport` through the async-invoke port. */
const ExportJobEvent = z.object({ teamId: z.string().min(1), exportId: z.string().min(1) });

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
  const parsed = ExportJobEvent.safeParse(event);
  if (!parsed.success) {
    logger.error('audit exporter: malformed event, dropped', { issues: parsed.error.issues });
    return { status: 'skipped' as const };
  }
  const budget = context?.getRemainingTimeInMillis ? context.getRemainingTimeInMillis() : LOCAL_BUDGET_MS;
  const progressEveryMs = Number(process.env.EXPORT_PROGRESS_INTERVAL_MS ?? 2000);
  return runAuditExport(parsed.data.teamId, parsed.data.exportId, { deadline: Date.now() + budget - SAFETY_MS, progressEveryMs });
};
