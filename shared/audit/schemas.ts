import * as z from 'zod';
import { PageQuery } from '../http/paging.js';
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

/**
 * A time range the audit log can be read in: `to` not before `from` (400 at `to`), and `from` not in the future
 * (400 at `from`: no event can be newer than now, and the default `to` is now).
 */
function checkRange(f: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  const from = f.from === undefined ? undefined : Date.parse(f.from);
  const to = f.to === undefined ? undefined : Date.parse(f.to);
  if (from !== undefined && to !== undefined && to < from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (from !== undefined && to === undefined && from > Date.now())
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be in the future' });
}

/** `GET /audit-logs` query. */
export const AuditQuery = AuditFilterFields.superRefine(checkRange);

/**
 * `POST /audit-logs/exports` body: the filters of `GET /audit-logs` (spec: "same filters"), no paging.
 * `{}` exports the whole audit log; the range rules of `GET /audit-logs` apply.
 */
export const AuditExportInput = AuditFilterFields.omit({ limit: true, cursor: true }).strict().superRefine(checkRange);
export type AuditExportInput = z.infer<typeof AuditExportInput>;
