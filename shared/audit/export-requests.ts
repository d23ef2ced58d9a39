import { ulid } from 'ulid';
import type { Actor } from '../auth/principal.js';
import { tableName } from '../db/client.js';
import { auditExportKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table.js';
import { retryOnConflict } from '../db/retry.js';
import { transactWrite } from '../db/transact.js';
import { Conflict, NotFound, Unavailable } from '../domain/errors.js';
import { logger } from '../logger.js';
import { asyncInvoker } from '../ports/async-invoke.js';
import { presignedDownload } from '../ports/object-store.js';
import { auditPut } from './audit.js';
import { type AuditFilters, normalizeFilters } from './queries.js';
import { DOWNLOAD_URL_SECONDS, EXPORTER_TARGET, EXPORT_RETENTION_DAYS } from './export-settings.js';
import { type ExportStatus, type StoredAuditExport, days, failExport, getStoredExport, isStale } from './exports.js';

/**
 * The two export routes: `POST /audit-logs/exports` queues an export and starts the
 * exporter; `GET .../exports/{exportId}` shows it, with a download link once it succeeded.
 */
const T = () => tableName();

/** What `GET .../exports/{exportId}` answers. `downloadUrl`/`expiresAt` only when `succeeded`, `reason` when `failed`. */
export type AuditExportView = {
  exportId: string;
  status: ExportStatus;
  rowCount: number;
  filters: AuditFilters;
  requestedBy: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  bytes?: number;
  downloadUrl?: string;
  expiresAt?: string;
  reason?: string;
};

/**
 * Records a `queued` export of `input`'s filters (with its `export_requested` audit event, one transaction),
 * then starts the exporter through the async-invoke port. When the exporter cannot be started the export is
 * marked `failed` and `Unavailable` (retry after 5 s) is thrown.
 */
export async function requestAuditExport(teamId: string, input: AuditFilters, actor: Actor): Promise<StoredAuditExport> {
  const now = new Date().toISOString();
  const filters = normalizeFilters(input);
  const snapshot = { ...filters, to: !filters.to || filters.to > now ? now : filters.to };
  const job: StoredAuditExport = {
    id: ulid(),
    teamId,
    status: 'queued',
    filters: snapshot,
    requestedBy: actor.email,
    createdAt: now,
    updatedAt: now,
    attempt: 0,
    rowCount: 0,
  };
  await retryOnConflict(() =>
    transactWrite([
      {
        item: {
          Put: {
            TableName: T(),
            Item: {
              ...auditExportKey(teamId, job.id),
              entity: 'auditExport',
              ...job,
              [TTL_ATTRIBUTE]: Math.floor((Date.parse(now) + days(EXPORT_RETENTION_DAYS)) / 1000),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: () => new Conflict('Export already exists.'),
      },
      auditPut(
        teamId,
        {
          actor,
          module: 'audit',
          action: 'export_requested',
          targetId: job.id,
          changes: { status: { before: null, after: 'queued' }, filters: { before: null, after: snapshot } },
        },
        now,
      ),
    ]),
  );
  try {
    await asyncInvoker().invoke(EXPORTER_TARGET, { teamId, exportId: job.id });
  } catch (error) {
    logger.error('cannot start the audit exporter', { teamId, exportId: job.id, error: error as Error });
    await failExport(teamId, job.id, 0, 'The exporter could not be started; request a new export.').catch(() => undefined);
    throw new Unavailable(5, 'The export could not be started; try again.');
  }
  return job;
}

const EXPORT_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The export as `GET .../exports/{exportId}` shows it, with a fresh presigned download URL
 * ({@link DOWNLOAD_URL_SECONDS}) when it succeeded. An export that stopped reporting progress (a crashed or
 * timed-out run, {@link STALE_RUNNING_MS}) or never started ({@link STALE_QUEUED_MS}) reads as `failed`.
 * Throws 404 for an unknown, foreign, malformed or expired (older than 7 days) export id.
 */
export async function getAuditExportView(teamId: string, exportId: string, now = Date.now()): Promise<AuditExportView> {
  const job = EXPORT_ID.test(exportId) ? await getStoredExport(teamId, exportId) : undefined;
  if (!job || now > Date.parse(job.createdAt) + days(EXPORT_RETENTION_DAYS)) throw new NotFound('Export');
  const view: AuditExportView = {
    exportId: job.id,
    status: job.status,
    rowCount: job.rowCount,
    filters: job.filters,
    requestedBy: job.requestedBy,
    createdAt: job.createdAt,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.bytes !== undefined ? { bytes: job.bytes } : {}),
    ...(job.reason ? { reason: job.reason } : {}),
  };
  if (isStale(job, now))
    return { ...view, status: 'failed', reason: 'The exporter stopped without finishing (crash or timeout); request a new export.' };
  if (job.status === 'succeeded' && job.objectKey) {
    const link = await presignedDownload(job.objectKey, `audit-log-${job.id}.csv`, DOWNLOAD_URL_SECONDS);
    return { ...view, downloadUrl: link.url, expiresAt: link.expiresAt };
  }
  return view;
}
