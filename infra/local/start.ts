/**
 * `npm start`: the local botops runtime. Starts DynamoDB Local (data under LOCAL_DATA_DIR) and s3rver, creates
 * the table if absent, bootstraps "Demo Team" on first start, and serves the route table on 127.0.0.1:PORT
 * with the same authorizer and handler modules the CDK stack deploys. SIGINT/SIGTERM stop Java too.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { ROUTES } from '../../functions/routes.js';
import { config } from '../../shared/config.js';
import { applyLocalEnv, localConfig, type RuntimeInfo } from './config.js';
import { ensureTable, requireJava, startDynamoLocal } from './dynamodb.js';
import { startS3Local } from './s3.js';
import { createLocalApi } from './server.js';

// Node 20 is the documented minimum; the SDK's notice about its future Node 22 floor would repeat at every start.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const cfg = localConfig();
mkdirSync(cfg.dataDir, { recursive: true });

const external = config().DYNAMODB_ENDPOINT;
if (!external) requireJava();
const dynamo = external ? undefined : await startDynamoLocal({ dataDir: cfg.dynamoDir });
const dynamoEndpoint = external ?? dynamo!.endpoint;
const s3 = await startS3Local(cfg.s3Dir);
await ensureTable(dynamoEndpoint, cfg.tableName);
applyLocalEnv({ dynamoEndpoint, s3Endpoint: s3.endpoint, exportBucket: s3.bucket, tableName: cfg.tableName, dataDir: cfg.dataDir });
(await import('./adapters/index.js')).provideLocalAdapters();
// Every function's DynamoDB requests are checked against its declared partitions, as IAM does on AWS.
(await import('./partition-guard.js')).installPartitionGuard((await import('../../shared/db/client.js')).dynamo);

const baseUrl = `http://127.0.0.1:${cfg.port}`;
const { ensureDemoTeam } = await import('./demo-team.js');
const creds = await ensureDemoTeam(cfg.credentialsFile, baseUrl);

const { startBackgroundJobs } = await import('./background.js');
const stopBackground = await startBackgroundJobs(cfg);

const consoleAssets = await import('./console-assets.js');
await consoleAssets
  .ensureConsoleBuilt((line) => console.log(line))
  .catch((e: Error) => console.error(`botops: console build failed, serving the API only: ${e.message}`));

const server = createLocalApi({
  routes: ROUTES,
  fallback: consoleAssets.consoleHandler(),
  loadHandler: async (module) => (await import(`../../functions/${module}.ts`)).handler,
  ...(cfg.logRequests ? { onRequest: (l: string) => console.log(l) } : {}),
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`botops: ${signal}, stopping`);
  server.close();
  server.closeAllConnections();
  rmSync(cfg.runtimeFile, { force: true });
  await stopBackground();
  await Promise.allSettled([s3.stop(), dynamo?.stop()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

server.listen(cfg.port, '127.0.0.1', () => {
  const info: RuntimeInfo = { pid: process.pid, dynamoEndpoint, s3Endpoint: s3.endpoint, tableName: cfg.tableName, baseUrl };
  writeFileSync(cfg.runtimeFile, JSON.stringify(info, null, 2));
  // One write, so whoever waits for "listening" also has the credentials lines.
  console.log(
    [
      `botops local runtime listening on ${baseUrl}`,
      `  team:    ${creds.teamId} (Demo Team)`,
      `  member:  ${creds.email} (super_admin)`,
      `  api key: ${creds.apiKey}`,
      `  saved in ${cfg.credentialsFile}`,
      `  console: ${baseUrl}/#key=${creds.apiKey}`,
      `  try:     curl -H "Authorization: Bearer ${creds.apiKey}" ${baseUrl}/api/teams/${creds.teamId}/bots`,
    ].join('\n'),
  );
});
server.on('error', (e) => {
  console.error(`botops: cannot listen on 127.0.0.1:${cfg.port}: ${e.message}`);
  void stop('listen error').then(() => process.exit(1));
});
