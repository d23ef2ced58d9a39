import { resolve } from 'node:path';
import { config, resetConfig } from '../../shared/config.js';

/** Local runtime settings (`PORT`, `LOCAL_DATA_DIR`, `HEALTH_CHECK_INTERVAL_SECONDS`, ...; see `shared/config.ts`). */
export function localConfig() {
  const env = config();
  const dataDir = resolve(env.LOCAL_DATA_DIR);
  return {
    port: env.PORT,
    dataDir,
    dynamoDir: resolve(dataDir, 'dynamodb'),
    s3Dir: resolve(dataDir, 's3'),
    credentialsFile: resolve(dataDir, 'dev-credentials.json'),
    runtimeFile: resolve(dataDir, 'runtime.json'),
    tableName: 'botops',
    healthCheckIntervalSeconds: env.HEALTH_CHECK_INTERVAL_SECONDS,
    outboxRelayIntervalSeconds: env.OUTBOX_RELAY_INTERVAL_SECONDS,
    timerPollMs: env.LOCAL_TIMER_POLL_MS,
    logRequests: env.LOG_REQUESTS,
  };
}

/** What a running `npm start` publishes for the operator CLI and tools: where its DynamoDB Local listens. */
export type RuntimeInfo = { pid: number; dynamoEndpoint: string; s3Endpoint: string; tableName: string; baseUrl: string };

/**
 * The environment the handlers read (the variables the CDK stack sets on AWS), pointed at the local emulators,
 * then read again (`resetConfig`).
 */
export function applyLocalEnv(info: {
  dynamoEndpoint: string;
  s3Endpoint?: string;
  exportBucket?: string;
  tableName: string;
  dataDir?: string;
}) {
  const { AWS_REGION, WIDGET_SESSION_SECRET_FILE } = config();
  process.env.LOCAL_MODE = 'true';
  process.env.TABLE_NAME = info.tableName;
  process.env.DYNAMODB_ENDPOINT = info.dynamoEndpoint;
  process.env.AWS_REGION = AWS_REGION;
  if (info.s3Endpoint) process.env.S3_ENDPOINT = info.s3Endpoint;
  if (info.exportBucket) process.env.EXPORT_BUCKET = info.exportBucket;
  // The widget session signing secret persists with the data (shared/ports/session-secret.ts).
  if (info.dataDir && !WIDGET_SESSION_SECRET_FILE) process.env.WIDGET_SESSION_SECRET_FILE = resolve(info.dataDir, 'widget-session-secret');
  resetConfig();
}
