/**
 * Audit modules: the part of botops a change belongs to (the audit log's "module" filter).
 * Kept apart from `audit.ts` so schemas (and `/openapi.json`) can name them without the DynamoDB client.
 */
export const AUDIT_MODULES = [
  'team',
  'members',
  'api_keys',
  'bots',
  'campaigns',
  'phone_numbers',
  'contacts',
  'connectors',
  'calls',
  'widget',
  'webhooks',
  'audit',
  'dnc',
] as const;
export type AuditModule = (typeof AUDIT_MODULES)[number];
