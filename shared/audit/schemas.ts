import * as z from 'zod';
import { PageQuery } from '../domain/paging.js';
import { AUDIT_MODULES } from './modules.js';

/** The audit log's filters plus paging. `from`/`to` are inclusive ISO-8601 UTC instants. */
const AuditFilterFields = PageQuery.extend({
  module: z.enum(AUDIT_MODULES).optional(),
  action: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'must be an action name such as create, update, delete')
    .optional(),
  actorEmail: z.string().min(3).max(254).optional(),
  botId: z.string().max(40).optional(),
  from: z.iso.datetime({ message: 'must be an ISO-8601 UTC timestamp, e.g. 2026-01-31T00:00:00Z' }).optional(),
  to: z.iso.datetime({ message: 'must be an ISO-8601 UTC timestamp, e.g. 2026-01-31T23:59:59Z' }).optional(),
}).strict();

/** A time range: `to` not before `from` (400 at `to`). */
function checkRange(f: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (f.from !== undefined && f.to !== undefined && Date.parse(f.to) < Date.parse(f.from))
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
}

/** An export covers the events up to the moment it is requested: a `from` in the future matches nothing (400 at `from`). */
function checkExportRange(f: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  checkRange(f, ctx);
  if (f.from !== undefined && Date.parse(f.from) > Date.now())
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be in the future' });
}

/** `GET /audit-logs` query. */
export const AuditQuery = AuditFilterFields.superRefine(checkRange);

/**
 * `POST /audit-logs/exports` body: the filters of `GET /audit-logs` ("same filters"), no paging.
 * `{}` exports the whole audit log up to now; `from` may not be in the future.
 */
export const AuditExportInput = AuditFilterFields.omit({ limit: true, cursor: true }).strict().superRefine(checkExportRange);
export type AuditExportInput = z.infer<typeof AuditExportInput>;
