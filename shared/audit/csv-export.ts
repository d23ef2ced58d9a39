import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Upload } from '@aws-sdk/lib-storage';
import { stringify } from 'csv-stringify';
import { logger } from '../logger.js';
import { exportBucket, s3 } from '../ports/object-store.js';
import type { AuditEvent } from './audit.js';
import { type AuditFilters, auditEventPages } from './queries.js';
import { ExportSuperseded, claimExport, completeExport, exportObjectKey, failExport, reportProgress } from './exports.js';

/**
 * The audit exporter's work: stream one export's events from DynamoDB through `csv-stringify` into an S3
 * multipart upload (`@aws-sdk/lib-storage`), with flat memory whatever the row count.
 *
 * The CSV (stable, documented in README.md "Audit log export"): UTF-8 with a byte order mark (so spreadsheets
 * read non-ASCII text), CRLF line ends and quoting as in RFC 4180, one header row, then one row per event,
 * newest first like `GET /audit-logs`, with the columns {@link CSV_COLUMNS}. `changes` is the event's
 * `{ field: { before, after } }` as JSON. A cell a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, tab or carriage return, or their full-width forms) is prefixed with `'` (csv-stringify
 * `escape_formulas`, OWASP "CSV Injection").
 */
export const CSV_COLUMNS = ['timestamp', 'actor_email', 'actor_role', 'module', 'action', 'bot_id', 'target_id', 'changes'] as const;

/** One CSV record of an event, in {@link CSV_COLUMNS} order. */
export function csvRecord(e: AuditEvent): string[] {
  return [e.at, e.actorEmail, e.actorRole, e.module, e.action, e.botId ?? '', e.targetId, JSON.stringify(e.changes)];
}

/** The CSV stringifier every export uses (see the module comment for the format). */
export function csvStringifier() {
  return stringify({ header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows', escape_formulas: true });
}

const MiB = 1024 * 1024;
/** S3 multipart limits: at most 10,000 parts; every part but the last at least 5 MiB. */
export const MAX_PARTS = 10_000;
/**
 * Smallest part: S3's 5 MiB minimum. lib-storage holds about three parts at once (the part being filled, its
 * concatenated copy, the previous part until the next one is cut), so the part size is the memory lever.
 */
export const MIN_PART_SIZE = 5 * MiB;
/**
 * Upper bound of one run's output rate, bytes per second. The exporter is one Node thread that reads DynamoDB
 * pages (at most 1 MB each) and writes CSV; the bench measures it well under this even with events generated
 * in memory. With it, a run's output is bounded by rate x time left, and the part size follows from that.
 */
export const MAX_BYTES_PER_SECOND = 50 * 1000 * 1000;

/**
 * Part size for an object of at most `maxBytes`: whole MiB, at least {@link MIN_PART_SIZE}, and large enough
 * that `maxBytes` fits in 90% of {@link MAX_PARTS} parts. A 15-minute run (45 GB bound) gets 5 MiB parts; a
 * longer budget grows them. The exporter also stops cleanly before part 10,000 whatever the estimate.
 */
export function partSizeFor(maxBytes: number): number {
  return Math.max(MIN_PART_SIZE, Math.ceil(maxBytes / (MAX_PARTS * 0.9) / MiB) * MiB);
}

export type ExportRunOptions = {
  /** Epoch ms by which the run must have stopped (Lambda: now + remaining time - a safety margin). */
  deadline?: number;
  /** How often `rowCount` and the heartbeat are written, ms. @default 2000 */
  progressEveryMs?: number;
  /**
   * Where the events come from. @default {@link auditEventPages} (DynamoDB). The bench swaps in a generator
   * to measure the CSV and upload stages alone.
   */
  source?: (teamId: string, filters: AuditFilters) => AsyncIterable<AuditEvent[]>;
};

export type ExportOutcome =
  | { status: 'succeeded'; rowCount: number; bytes: number; objectKey: string; partSize: number }
  | { status: 'failed'; rowCount: number; reason: string }
  | { status: 'skipped' };

type FailureKind = 'read' | 'upload' | 'timeout' | 'too-large' | 'superseded';

class ExportFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    override readonly cause?: unknown,
  ) {
    super(kind);
    this.name = 'ExportFailure';
  }

  /** What the team's admin reads in `reason`: what went wrong and what to do, never an internal message. */
  reason(rows: number, limitBytes: number): string {
    const code = (this.cause as { name?: string } | undefined)?.name;
    switch (this.kind) {
      case 'read':
        return `Reading the audit log failed after ${rows} rows${code ? ` (${code})` : ''}; request a new export.`;
      case 'upload':
        return `Writing the file to storage failed after ${rows} rows${code ? ` (${code})` : ''}; request a new export.`;
      case 'timeout':
        return `The export ran out of time after ${rows} rows; narrow the date range and request a new export.`;
      case 'too-large':
        return `The file would exceed ${Math.floor(limitBytes / 1e9)} GB; narrow the filters and request a new export.`;
      default:
        return 'The export was superseded by another run.';
    }
  }
}

/**
 * Runs export `exportId` of team `teamId` to its end: claims it (`queued` -> `running`; a finished or
 * live export is `skipped`), streams its events with backpressure (each stage waits for the next to drain) into
 * `exports/<teamId>/<exportId>.csv`, writes `rowCount` and a heartbeat every `progressEveryMs`, and marks it
 * `succeeded`.
 *
 * On any failure (DynamoDB read, S3 part, the deadline, the size bound) the multipart upload is aborted, so no
 * object and no stored parts remain, and the export is marked `failed` with a reason; nothing is thrown, so an
 * asynchronous Lambda invocation is not retried for a failure already recorded. Errors of the state writes
 * themselves (DynamoDB unavailable) are thrown, and Lambda's retry then claims the export again.
 *
 * Memory: lib-storage's part buffers (`queueSize` 1: no part uploads while another is in flight) plus 1 MiB of
 * stream buffer, whatever the number of rows. Part size: {@link partSizeFor} the most this run can write
 * before `deadline`.
 */
export async function runAuditExport(teamId: string, exportId: string, opts: ExportRunOptions = {}): Promise<ExportOutcome> {
  const deadline = opts.deadline ?? Date.now() + 15 * 60_000;
  const progressEveryMs = opts.progressEveryMs ?? 2000;
  const job = await claimExport(teamId, exportId);
  if (!job) {
    logger.info('audit export not claimable, skipped', { teamId, exportId });
    return { status: 'skipped' };
  }

  const objectKey = exportObjectKey(teamId, exportId);
  const partSize = partSizeFor(MAX_BYTES_PER_SECOND * Math.max(60, (deadline - Date.now()) / 1000));
  // The hard stop behind the estimate: never let the upload reach part 10,000.
  const limitBytes = partSize * (MAX_PARTS - 1);
  let rows = 0;
  let bytes = 0;
  let failure: ExportFailure | undefined;
  const fail = (kind: FailureKind, cause?: unknown) =>
    (failure ??= cause instanceof ExportFailure ? cause : new ExportFailure(kind, cause));

  // A small buffer: the producer runs ahead of the upload by 1 MiB, not by a whole part.
  const body = new PassThrough({ highWaterMark: MiB });
  const upload = new Upload({
    client: s3(),
    params: { Bucket: exportBucket(), Key: objectKey, Body: body, ContentType: 'text/csv; charset=utf-8' },
    partSize,
    queueSize: 1,
    leavePartsOnError: false,
  });
  // lib-storage aborts the multipart upload itself before `done()` rejects (a failed part, or a broken body).
  const uploaded = upload.done().catch((error: unknown) => {
    body.destroy(fail('upload', error));
    throw error;
  });
  const timer = setTimeout(() => body.destroy(fail('timeout')), Math.max(0, deadline - Date.now()));

  async function* records(): AsyncGenerator<string[]> {
    try {
      for await (const page of (opts.source ?? auditEventPages)(teamId, job!.filters)) {
        for (const event of page) yield csvRecord(event);
        rows += page.length;
      }
    } catch (error) {
      throw fail('read', error);
    }
  }
  // Progress on a clock, not per page: it also keeps the heartbeat fresh while the upload holds the stream back.
  let reporting: Promise<void> | undefined;
  const progress = setInterval(() => {
    if (reporting) return;
    reporting = reportProgress(teamId, exportId, job.attempt, rows)
      .catch((error: unknown) => {
        if (error instanceof ExportSuperseded) body.destroy(fail('superseded', error));
        else logger.warn('audit export progress not written', { teamId, exportId, error: error as Error });
      })
      .finally(() => (reporting = undefined));
  }, progressEveryMs);
  const sizeGuard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limitBytes) done(fail('too-large'));
      else done(null, chunk);
    },
  });
  const produced = pipeline(Readable.from(records()), csvStringifier(), sizeGuard, body);

  const [p, u] = await Promise.allSettled([produced, uploaded]);
  clearTimeout(timer);
  clearInterval(progress);
  await reporting;
  if (p.status === 'fulfilled' && u.status === 'fulfilled' && !failure) {
    try {
      await completeExport(teamId, exportId, job.attempt, { rowCount: rows, bytes, objectKey });
    } catch (error) {
      // a later claim owns the export and writes the same snapshot to the same key
      if (error instanceof ExportSuperseded) return { status: 'skipped' };
      throw error;
    }
    logger.info('audit export succeeded', { teamId, exportId, rowCount: rows, bytes, partSize });
    return { status: 'succeeded', rowCount: rows, bytes, objectKey, partSize };
  }

  const f = failure ?? new ExportFailure('upload', u.status === 'rejected' ? u.reason : p.status === 'rejected' ? p.reason : undefined);
  logger.error('audit export failed', { teamId, exportId, kind: f.kind, rowCount: rows, error: f.cause as Error });
  if (f.kind === 'superseded') return { status: 'skipped' };
  const reason = f.reason(rows, limitBytes);
  try {
    await failExport(teamId, exportId, job.attempt, reason, rows);
  } catch (error) {
    if (error instanceof ExportSuperseded) return { status: 'skipped' };
    throw error;
  }
  return { status: 'failed', rowCount: rows, reason };
}
