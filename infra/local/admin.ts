/**
 * Operator CLI: `npm run admin -- create-team --name NAME --email EMAIL` prints one JSON line
 * `{ "teamId", "memberId", "apiKey" }`.
 *
 * Where it writes: with `TABLE_NAME` set, into that DynamoDB table on AWS (default credential chain and region);
 * otherwise into the local data of `LOCAL_DATA_DIR` (default `.local`): through the running `npm start`'s
 * DynamoDB Local when there is one, else by starting DynamoDB Local on that data for the duration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { config } from '../../shared/config.js';
import { applyLocalEnv, localConfig, type RuntimeInfo } from './config.js';
import { ensureTable, requireJava, startDynamoLocal, type DynamoLocal } from './dynamodb.js';

const USAGE = 'usage: npm run admin -- create-team --name NAME --email EMAIL';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, email: { type: 'string' } },
});
const [command] = positionals;
if (command !== 'create-team' || !values.name?.trim() || !values.email) {
  console.error(USAGE);
  process.exit(2);
}
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
  console.error(`not an email address: ${values.email}`);
  process.exit(2);
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
let dynamo: DynamoLocal | undefined;
if (!config().TABLE_NAME) {
  const cfg = localConfig();
  const running = runningRuntime(cfg.runtimeFile);
  if (running) {
    applyLocalEnv({ dynamoEndpoint: running.dynamoEndpoint, tableName: running.tableName });
  } else {
    requireJava();
    dynamo = await startDynamoLocal({ dataDir: cfg.dynamoDir });
    await ensureTable(dynamo.endpoint, cfg.tableName);
    applyLocalEnv({ dynamoEndpoint: dynamo.endpoint, tableName: cfg.tableName });
  }
}

try {
  const { createTeam } = await import('../../shared/domain/team/members.js');
  const team = await createTeam(values.name.trim(), values.email);
  console.log(JSON.stringify({ teamId: team.teamId, memberId: team.memberId, apiKey: team.apiKey }));
} finally {
  await dynamo?.stop();
}

/** The running `npm start` of this data dir, if its pid is alive. */
function runningRuntime(file: string): RuntimeInfo | undefined {
  if (!existsSync(file)) return undefined;
  const info = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined;
  }
}
