import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../auth/principal.js';
import { doc, tableName } from '../db/client.js';
import { auditExportKey } from '../db/keys.js';
import { retryOnConflict } from '../db/retry.js';
import { type TransactItem, transactWrite } from '../db/transact.js';
import { auditPut } from './audit.js';
import type { AuditFilters } from './queries.js';

/**
 * Audit CSV export jobs: their stored state and the exporter's transitions (the request and the status view
 * are in `export-requests.ts`, so the exporter loads neither the Lambda client nor the presigner).
 *
 * Lifecycle: `queued` (request, in one transaction with its audit event) -> `running` (claimed by the exporter)
 * -> `succeeded` | `failed`. Each transition writes an audit event in the same transaction; progress
 * (`rowCount`, `heartbeatAt`) is not a state change and is written alone. Every exporter write is conditioned
 * on its `attempt`, so of two deliveries of the same asynchronous invocation only the latest claim can finish.
 * An export and its file are kept `EXPORT_RETENTION_DAYS` days (item TTL, S3 lifecycle rule).
 */
export const EXPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Actor of the exporter's own audit events (house rule: system actors are `system:*`). */
export const EXPORTER_ACTOR: Actor = { email: 'system:audit-exporter', role: 'system' };

/** A `running` export whose heartbeat is older than this may be claimed again (a retried crashed run). */
export const RECLAIM_AFTER_MS = 60_000;
/** A `running` export silent this long, or a `queued` one never started, is reported as failed. */
export const STALE_RUNNING_MS = 5 * 60_000;
export const STALE_QUEUED_MS = 20 * 60_000;

export type StoredAuditExport = {
  id: string;
  teamId: string;
  status: ExportStatus;
  /** The request's filters, normalised; `to` is capped at the request time, so the file is a snapshot. */
  filters: AuditFilters & { to: string };
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
  attempt: number;
  rowCount: number;
  bytes?: number;
  startedAt?: string;
  heartbeatAt?: string;
  finishedAt?: string;
  objectKey?: string;
  reason?: string;
};

/** Raised by exporter writes whose `attempt` is no longer the export's: a later claim owns it. */
export class ExportSuperseded extends Error {
  constructor(exportId: string) {
    super(`export ${exportId} was claimed by another run`);
    this.name = 'ExportSuperseded';
  }
}

const T = () => tableName();
/** `n` days in milliseconds. */
export const days = (n: number) => n * 24 * 60 * 60 * 1000;

/** Object key of an export's CSV in the exports bucket: one prefix per team, readable as `exports/*` in IAM. */
export const exportObjectKey = (teamId: string, exportId: string) => `exports/${teamId}/${exportId}.csv`;

/** The stored export (strongly consistent read), or undefined. */
export async function getStoredExport(teamId: string, exportId: string): Promise<StoredAuditExport | undefined> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: auditExportKey(teamId, exportId), ConsistentRead: true }));
  return res.Item as StoredAuditExport | undefined;
}

/**
 * True when a `running` export stopped reporting ({@link STALE_RUNNING_MS}) or a `queued` one never started
 * ({@link STALE_QUEUED_MS}): it is shown as failed and never claimed again.
 */
export function isStale(job: StoredAuditExport, now: number): boolean {
  if (job.status === 'queued') return now - Date.parse(job.createdAt) > STALE_QUEUED_MS;
  if (job.status === 'running') return now - Date.parse(job.heartbeatAt ?? job.createdAt) > STALE_RUNNING_MS;
  return false;
}

/**
 * The exporter takes the export: `queued` -> `running` with `attempt` + 1 (and an `export_started` audit
 * event). A `running` export whose heartbeat is older than {@link RECLAIM_AFTER_MS} (a retry after a crash)
 * is taken again, from row 0. Returns undefined when there is nothing to do: unknown, finished, stale in the
 * sense of {@link getAuditExportView}, or alive in another run.
 */
export async function claimExport(teamId: string, exportId: string, now = Date.now()): Promise<StoredAuditExport | undefined> {
  const job = await getStoredExport(teamId, exportId);
  if (!job || isStale(job, now)) return undefined;
  const retry = job.status === 'running' && now - Date.parse(job.heartbeatAt ?? job.createdAt) > RECLAIM_AFTER_MS;
  if (job.status !== 'queued' && !retry) return undefined;
  const at = new Date(now).toISOString();
  const attempt = job.attempt + 1;
  // Claimed meanwhile by another delivery of the same invocation.
  const superseded = () => new ExportSuperseded(exportId);
  try {
    await retryOnConflict(() =>
      transactWrite([
        {
          item: {
            Update: {
              TableName: T(),
              Key: auditExportKey(teamId, exportId),
              UpdateExpression:
                'SET #status = :running, attempt = :attempt, rowCount = :zero, startedAt = :at, heartbeatAt = :at, updatedAt = :at',
              ConditionExpression: '#status = :was AND attempt = :prev',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':running': 'running',
                ':attempt': attempt,
                ':zero': 0,
                ':at': at,
                ':was': job.status,
                ':prev': job.attempt,
              },
            },
          },
          onConditionFailed: superseded,
        },
        auditPut(
          teamId,
          {
            actor: EXPORTER_ACTOR,
            module: 'audit',
            action: 'export_started',
            targetId: exportId,
            changes: { status: { before: job.status, after: 'running' }, attempt: { before: job.attempt, after: attempt } },
          },
          at,
        ),
      ]),
    );
  } catch (error) {
    if (error instanceof ExportSuperseded) return undefined;
    throw error;
  }
  return { ...job, status: 'running', attempt, rowCount: 0, startedAt: at, heartbeatAt: at, updatedAt: at };
}

/** Progress of a running export: rows written so far, and the heartbeat. Throws {@link ExportSuperseded}. */
export async function reportProgress(teamId: string, exportId: string, attempt: number, rowCount: number): Promise<void> {
  const at = new Date().toISOString();
  try {
    await doc.send(
      new UpdateCommand({
        TableName: T(),
        Key: auditExportKey(teamId, exportId),
        UpdateExpression: 'SET rowCount = :rows, heartbeatAt = :at, updatedAt = :at',
        ConditionExpression: '#status = :running AND attempt = :attempt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':rows': rowCount, ':at': at, ':running': 'running', ':attempt': attempt },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new ExportSuperseded(exportId);
    throw error;
  }
}

/** `running` -> `succeeded` with the file's key, row and byte counts (and its audit event). Throws {@link ExportSuperseded}. */
export async function completeExport(
  teamId: string,
  exportId: string,
  attempt: number,
  result: { rowCount: number; bytes: number; objectKey: string },
): Promise<void> {
  await finish(teamId, exportId, attempt, 'succeeded', { rowCount: result.rowCount, bytes: result.bytes, objectKey: result.objectKey });
}

/**
 * -> `failed` with a reason the team's admins may read (no internal detail), from `queued` (attempt 0: the
 * exporter never started) or `running`. Throws {@link ExportSuperseded} when another run owns the export.
 */
export async function failExport(teamId: string, exportId: string, attempt: number, reason: string, rowCount?: number): Promise<void> {
  await finish(teamId, exportId, attempt, 'failed', { reason, ...(rowCount !== undefined ? { rowCount } : {}) });
}

async function finish(
  teamId: string,
  exportId: string,
  attempt: number,
  status: 'succeeded' | 'failed',
  fields: Record<string, string | number>,
): Promise<void> {
  const at = new Date().toISOString();
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':status': status, ':at': at, ':attempt': attempt, ':queued': 'queued', ':running': 'running' };
  const sets = ['#status = :status', 'finishedAt = :at', 'updatedAt = :at'];
  for (const [k, v] of Object.entries(fields)) {
    names[`#${k}`] = k;
    values[`:${k}`] = v;
    sets.push(`#${k} = :${k}`);
  }
  const update: TransactItem = {
    Update: {
      TableName: T(),
      Key: auditExportKey(teamId, exportId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: '#status IN (:queued, :running) AND attempt = :attempt',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
  const changes = {
    status: { before: attempt === 0 ? 'queued' : 'running', after: status },
    ...Object.fromEntries(
      Object.entries(fields)
        .filter(([k]) => k !== 'objectKey')
        .map(([k, v]) => [k, { before: null, after: v }]),
    ),
  };
  await retryOnConflict(() =>
    transactWrite([
      { item: update, onConditionFailed: () => new ExportSuperseded(exportId) },
      auditPut(
        teamId,
        {
          actor: EXPORTER_ACTOR,
          module: 'audit',
          action: status === 'succeeded' ? 'export_succeeded' : 'export_failed',
          targetId: exportId,
          changes,
        },
        at,
      ),
    ]),
  );
}
