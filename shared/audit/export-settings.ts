/**
 * Settings of the audit CSV export shared by the runtime and the CDK stack. Kept apart from `exports.ts` so
 * the stack can name them without loading the DynamoDB and S3 clients.
 */

/** Async-invoke target name (`ASYNC_TARGET_AUDIT_EXPORTER` on AWS, a local runner under `npm start`). */
export const EXPORTER_TARGET = 'audit-exporter';
/** Exports (item and file) are deleted after this many days; the bucket's lifecycle rule matches it. */
export const EXPORT_RETENTION_DAYS = 7;
/** How long a download link works: 15 minutes. */
export const DOWNLOAD_URL_SECONDS = 15 * 60;
/** Environment variable holding the exports bucket's name (set by the stack; locally `botops-exports`). */
export const EXPORT_BUCKET_ENV = 'EXPORT_BUCKET';
