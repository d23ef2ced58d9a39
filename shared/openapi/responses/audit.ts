import * as z from 'zod';
import { AUDIT_MODULES } from '../../audit/modules.js';
import { EXPORT_STATUSES } from '../../audit/exports.js';
import { isoTime } from './common.js';

export const AuditEvent = z
  .object({
    id: z.string(),
    at: isoTime,
    actorEmail: z.string(),
    actorRole: z.string(),
    module: z.enum(AUDIT_MODULES),
    action: z.string(),
    botId: z.string().optional(),
    targetId: z.string(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'AuditEvent' });

export const AuditExportAccepted = z.object({ exportId: z.string(), status: z.enum(EXPORT_STATUSES) }).meta({ id: 'AuditExportAccepted' });

export const AuditExport = z
  .object({
    exportId: z.string(),
    status: z.enum(EXPORT_STATUSES),
    rowCount: z.number().int(),
    filters: z.record(z.string(), z.string()),
    requestedBy: z.string(),
    createdAt: isoTime,
    startedAt: isoTime.optional(),
    finishedAt: isoTime.optional(),
    bytes: z.number().int().optional(),
    downloadUrl: z.string().optional(),
    expiresAt: isoTime.optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditExport' });

export const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
