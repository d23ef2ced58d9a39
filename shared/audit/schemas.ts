import * as z from 'zod';
import { PageQuery } from '../domain/paging.js';
import { AUDIT_MODULES } from './modules.js';

/** `GET /audit-logs` query: the seed 000 filters plus paging. `from`/`to` are inclusive ISO-8601 UTC instants. */
export const AuditQuery = PageQuery.extend({
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
 * `POST /audit-logs/exports` body: the filters of `GET /audit-logs` (spec: "same filters"), no paging.
 * `{}` exports the whole audit log. `to` before `from` is refused (400 at `to`).
 */
export const AuditExportInput = AuditQuery.omit({ limit: true, cursor: true })
  .strict()
  .refine((f) => !f.from || !f.to || Date.parse(f.to) >= Date.parse(f.from), { path: ['to'], message: 'must not be before from' });
export type AuditExportInput = z.infer<typeof AuditExportInput>;
