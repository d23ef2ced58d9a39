/**
 * What every bench section gets: the repository root and, on demand, one in-memory DynamoDB Local holding the
 * bench table with the handlers' environment applied (like `applyLocalEnv`, so `shared/db/client.ts` points at
 * it when first imported). `bench/run.ts` owns the context and always closes it, so no JVM outlives a run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyLocalEnv } from '../../infra/local/config.js';
import { type DynamoLocal, ensureTable, requireJava, startDynamoLocal } from '../../infra/local/dynamodb.js';
import { resetConfig } from '../../shared/config.js';

export const BENCH_TABLE = 'botops-bench';

export type LocalDynamo = { endpoint: string; tableName: string };

export type BenchContext = {
  /** Absolute path of the repository root. */
  root: string;
  /**
   * Starts DynamoDB Local (in memory) on first call, creates the bench table and sets LOCAL_MODE, TABLE_NAME,
   * DYNAMODB_ENDPOINT and local AWS credentials. Import `shared/` and `functions/` modules only after it.
   */
  dynamo(): Promise<LocalDynamo>;
};

/** One part of `npm run bench`: `name` selects it on the command line, `run` returns the text to print. */
export type BenchSection = { name: string; title: string; run(ctx: BenchContext): Promise<string> };

export function createBenchContext(): BenchContext & { close(): Promise<void> } {
  let local: DynamoLocal | undefined;
  let started: Promise<LocalDynamo> | undefined;

  async function start(): Promise<LocalDynamo> {
    requireJava();
    local = await startDynamoLocal({});
    await ensureTable(local.endpoint, BENCH_TABLE);
    applyLocalEnv({ dynamoEndpoint: local.endpoint, tableName: BENCH_TABLE });
    (await import('../../infra/local/adapters/index.js')).provideLocalAdapters();
    // Local adapters (the events file of the event bus) write here, never into the checkout's .local/.
    process.env.LOCAL_DATA_DIR = mkdtempSync(join(tmpdir(), 'botops-bench-'));
    // Never let a bench request reach a real account, whatever the caller's shell exports.
    process.env.AWS_ACCESS_KEY_ID = 'local';
    process.env.AWS_SECRET_ACCESS_KEY = 'local';
    delete process.env.AWS_SESSION_TOKEN;
    resetConfig();
    return { endpoint: local.endpoint, tableName: BENCH_TABLE };
  }

  return {
    root: resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'),
    dynamo: () => (started ??= start()),
    close: async () => {
      await local?.stop();
      local = undefined;
    },
  };
}
