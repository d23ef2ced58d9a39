import { resolve } from 'node:path';

/** Local runtime settings (spec, "Local runtime"): `PORT`, `LOCAL_DATA_DIR`, `HEALTH_CHECK_INTERVAL_SECONDS`. */
export function localConfig() {
  const dataDir = resolve(process.env.LOCAL_DATA_DIR ?? '.local');
  return {
    port: Number(process.env.PORT ?? 3000),
    dataDir,
    dynamoDir: resolve(dataDir, 'dynamodb'),
    s3Dir: resolve(dataDir, 's3'),
    credentialsFile: resolve(dataDir, 'dev-credentials.json'),
    runtimeFile: resolve(dataDir, 'runtime.json'),
    tableName: 'botops',
    healthCheckIntervalSeconds: Number(process.env.HEALTH_CHECK_INTERVAL_SECONDS ?? 60),
  };
}

/** What a running `npm start` publishes for the operator CLI and tools: where its DynamoDB Local listens. */
export type RuntimeInfo = { pid: number; dynamoEndpoint: string; s3Endpoint: string; tableName: string; baseUrl: string };

/** Environment the handlers read, pointed at the local emulators. */
export function applyLocalEnv(info: {
  dynamoEndpoint: string;
  s3Endpoint?: string;
  exportBucket?: string;
  tableName: string;
  dataDir?: string;
}) {
  process.env.LOCAL_MODE = 'true';
  process.env.TABLE_NAME = info.tableName;
  process.env.DYNAMODB_ENDPOINT = info.dynamoEndpoint;
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  if (info.s3Endpoint) process.env.S3_ENDPOINT = info.s3Endpoint;
  if (info.exportBucket) process.env.EXPORT_BUCKET = info.exportBucket;
  // The widget session signing secret persists with the data (shared/ports/session-secret.ts).
  if (info.dataDir) process.env.WIDGET_SESSION_SECRET_FILE ??= resolve(info.dataDir, 'widget-session-secret');
}
