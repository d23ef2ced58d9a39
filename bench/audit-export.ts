/**
 * Audit CSV export of a large audit log. Budget: 1M rows with
 * peak RSS <= 128 MB, streamed multipart to S3, flat in the number of rows.
 *
 * The exporter runs as deployed: `functions/audit-exporter.ts` bundled by esbuild (SDK included) and run by
 * plain `node` in a child process with the function's V8 flags (`EXPORTER_NODE_OPTIONS`), against DynamoDB
 * Local and s3rver (the local runtime's emulators). The child reports its own RSS (100 ms samples and the
 * kernel's maxRSS). Two measurements:
 *
 * 1. End to end, at each size of `BENCH_AUDIT_EXPORT_ROWS` (comma-separated, cumulative; default
 *    `100000,300000,1000000`; seeding a million events takes minutes on 2 cores): one team's audit
 *    partition is seeded with realistic events built by `auditPut` (mixed modules, actions, actors, bots;
 *    `changes` of ~100 bytes) by BatchWriteItem (25 per request, 8 in flight), without their GSI attributes
 *    (five more writes per item for DynamoDB Local; the unfiltered export reads the base partition only);
 *    then an export is requested and the exporter's Lambda handler runs it. The file is checked in S3.
 * 2. The CSV and upload stages at `BENCH_AUDIT_PIPELINE_ROWS` (default 1,000,000) rows: the same
 *    `runAuditExport`, its events generated in memory instead of read from DynamoDB Local (whose Query speed
 *    bounds measurement 1), with the function's V8 flags and with Node's defaults.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { EXPORTER_NODE_OPTIONS } from '../infra/constructs/audit-export.js';
import type { BenchContext, BenchSection } from './support/context.js';
import { markdownTable } from './support/markdown.js';
import { resetConfig } from '../shared/config.js';

const RSS_BUDGET = 128 * 1024 * 1024;
const MB = 1024 * 1024;
const BATCH = 25;
const IN_FLIGHT = 8;

export const auditExportBench: BenchSection = {
  name: 'audit-export',
  title: 'Audit CSV export to S3',
  run,
};

type ChildReport = {
  outcome: { status: string; rowCount?: number; bytes?: number; partSize?: number; reason?: string; objectKey?: string };
  ms: number;
  maxRssBytes: number;
  samples: [number, number][];
};
type Dynamo = { endpoint: string; tableName: string };

const HEADER = [
  'Rows',
  'Source',
  'V8 flags',
  'Wall s',
  'Rows/s',
  'CSV MiB',
  'Parts',
  'Peak RSS MiB',
  'RSS at 25/50/75/100% MiB',
  'RSS <= 128 MiB',
];
const ALIGN = ['right', 'left', 'left', 'right', 'right', 'right', 'left', 'right', 'left', 'left'] as const;

async function run(ctx: BenchContext): Promise<string> {
  const sizes = (process.env.BENCH_AUDIT_EXPORT_ROWS ?? '100000,300000,1000000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  const pipelineRows = Number(process.env.BENCH_AUDIT_PIPELINE_ROWS ?? 1_000_000);
  const dynamo = await ctx.dynamo();
  const work = mkdtempSync(join(tmpdir(), 'botops-bench-export-'));
  const { startS3Local } = await import('../infra/local/s3.js');
  const s3local = await startS3Local(join(work, 's3'));
  process.env.S3_ENDPOINT = s3local.endpoint;
  process.env.EXPORT_BUCKET = s3local.bucket;
  resetConfig();
  const deployedFlags = EXPORTER_NODE_OPTIONS.split(' ');
  try {
    const child = await bundleChild(ctx.root, work);
    const { createTeam } = await import('../shared/domain/team/members.js');
    const { registerLocalTarget } = await import('../infra/local/adapters/async-invoke.js');
    const { EXPORTER_TARGET } = await import('../shared/audit/export-settings.js');
    const { requestAuditExport } = await import('../shared/audit/export-requests.js');
    // The request only queues; the bench starts the exporter itself, in its own process.
    registerLocalTarget(EXPORTER_TARGET, async () => undefined);
    const team = await createTeam('Export Bench', 'export-bench@example.com');
    const actor = { email: 'export-bench@example.com', role: 'super_admin' as const };
    const rows: string[][] = [];
    const notes: string[] = [];
    const measure = async (label: string, flags: string[], synthetic?: number) => {
      const job = await requestAuditExport(team.teamId, {}, actor);
      const report = await runChild(child, flags, [team.teamId, job.id, ...(synthetic ? [String(synthetic)] : [])], dynamo);
      if (report.outcome.status !== 'succeeded') throw new Error(`export (${label}): ${JSON.stringify(report.outcome)}`);
      notes.push(
        `${report.outcome.rowCount!.toLocaleString('en')} rows, ${label}: ${await checkObject(report.outcome.objectKey!, report.outcome.bytes!)}`,
      );
      rows.push(row(report, label, flags === deployedFlags ? "function's" : 'Node defaults'));
    };

    let seeded = 0;
    for (const size of sizes) {
      const started = Date.now();
      await seed(team.teamId, seeded, size, dynamo.tableName);
      notes.push(
        `seeded ${(size - seeded).toLocaleString('en')} events in ${((Date.now() - started) / 1000).toFixed(0)} s (${Math.round((size - seeded) / ((Date.now() - started) / 1000))}/s)`,
      );
      seeded = size;
      await measure('DynamoDB Local', deployedFlags);
    }
    if (pipelineRows > 0) {
      await measure('generated', deployedFlags, pipelineRows);
      await measure('generated', [], pipelineRows);
    }
    return [
      markdownTable(HEADER, rows, [...ALIGN]),
      '',
      'Wall time: from the handler start to the export marked succeeded (claim, read, CSV, multipart upload, status).',
      "Rows include the team's own events (team, member, export requests). Peak RSS: the larger of the kernel's maxRSS",
      `and the 100 ms samples of the exporter's own process. Function's V8 flags: \`${EXPORTER_NODE_OPTIONS}\`.`,
      'Source "generated": events made in memory instead of read from DynamoDB Local, to measure the CSV and upload',
      "stages alone at full size. With Node's default flags, the dropped part buffers (outside the JS heap) wait for",
      'a full GC: higher, but still flat, RSS.',
      ...notes.map((n) => `- ${n}`),
    ].join('\n');
  } finally {
    await s3local.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function row(report: ChildReport, source: string, flags: string): string[] {
  const { rowCount, bytes, partSize } = report.outcome as Required<ChildReport['outcome']>;
  const seconds = report.ms / 1000;
  const peak = Math.max(report.maxRssBytes, ...report.samples.map(([, rss]) => rss));
  return [
    rowCount.toLocaleString('en'),
    source,
    flags,
    seconds.toFixed(1),
    Math.round(rowCount / seconds).toLocaleString('en'),
    (bytes / MB).toFixed(1),
    `${partSize / MB} MiB x ${Math.ceil(bytes / partSize)}`,
    (peak / MB).toFixed(1),
    quartiles(report.samples),
    peak <= RSS_BUDGET ? 'yes' : 'NO',
  ];
}

/** Events `from`..`to`-1 of the team, one second apart, oldest first, built exactly as `auditPut` stores them. */
async function seed(teamId: string, from: number, to: number, table: string): Promise<void> {
  const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const { doc } = await import('../shared/db/client.js');
  const { auditPut } = await import('../shared/audit/audit.js');
  const base = Date.parse('2024-01-01T00:00:00Z');
  const modules = ['bots', 'members', 'api_keys', 'campaigns', 'contacts'] as const;
  const actions = ['create', 'update', 'update', 'update', 'delete'];
  let next = from;
  const worker = async () => {
    for (;;) {
      const start = next;
      next += BATCH;
      if (start >= to) return;
      const items: Record<string, unknown>[] = [];
      for (let i = start; i < Math.min(to, start + BATCH); i++) {
        const bot = `01HBOT${String(i % 200).padStart(20, '0')}`;
        const put = auditPut(
          teamId,
          {
            actor: { email: `member${i % 40}@example.com`, role: i % 7 === 0 ? 'super_admin' : 'admin' },
            module: modules[i % modules.length]!,
            action: actions[i % actions.length]!,
            ...(i % 3 === 0 ? {} : { botId: bot }),
            targetId: i % 3 === 0 ? `01HTARGET${String(i).padStart(17, '0')}` : bot,
            changes: {
              description: {
                before: 'Answers billing questions, in English.',
                after: `Answers billing questions, in English and French (rev ${i}).`,
              },
            },
          },
          new Date(base + i * 1000).toISOString(),
        );
        const item = Object.fromEntries(Object.entries(put.Put!.Item!).filter(([k]) => !/^GSI\d(PK|SK)$/.test(k)));
        items.push({ PutRequest: { Item: item } });
      }
      let request: Record<string, unknown[]> | undefined = { [table]: items };
      while (request) {
        const res: { UnprocessedItems?: Record<string, unknown[]> } = await doc.send(
          new BatchWriteCommand({ RequestItems: request as never }),
        );
        request = res.UnprocessedItems && Object.keys(res.UnprocessedItems).length ? (res.UnprocessedItems as never) : undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

async function bundleChild(root: string, work: string): Promise<string> {
  const outfile = join(work, 'audit-exporter-child.mjs');
  await build({
    entryPoints: [join(root, 'bench', 'support', 'audit-exporter-child.ts')],
    absWorkingDir: root,
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'module';const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return outfile;
}

function runChild(file: string, flags: string[], args: string[], dynamo: Dynamo): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const env = {
      PATH: process.env.PATH ?? '',
      LOCAL_MODE: 'true',
      TABLE_NAME: dynamo.tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      S3_ENDPOINT: process.env.S3_ENDPOINT!,
      EXPORT_BUCKET: process.env.EXPORT_BUCKET!,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      LOG_LEVEL: 'ERROR',
    };
    const child = spawn(process.execPath, [...flags, file, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`exporter child exited ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ChildReport);
    });
  });
}

/** RSS (MiB) at 25/50/75/100% of the run, from the child's samples: flat memory shows as four close numbers. */
function quartiles(samples: [number, number][]): string {
  const end = samples.at(-1)![0];
  return [0.25, 0.5, 0.75, 1]
    .map((q) => samples.find(([t]) => t >= q * end) ?? samples.at(-1)!)
    .map(([, rss]) => (rss / MB).toFixed(0))
    .join(' / ');
}

/** The stored object's size equals what the exporter counted; its header and first and last records are sound. */
async function checkObject(key: string, bytes: number): Promise<string> {
  const { GetObjectCommand, HeadObjectCommand } = await import('@aws-sdk/client-s3');
  const { exportBucket, s3 } = await import('../shared/ports/object-store.js');
  const head = await s3().send(new HeadObjectCommand({ Bucket: exportBucket(), Key: key }));
  if (head.ContentLength !== bytes) throw new Error(`object is ${head.ContentLength} bytes, the exporter wrote ${bytes}`);
  const first = await s3().send(new GetObjectCommand({ Bucket: exportBucket(), Key: key, Range: 'bytes=0-400' }));
  const last = await s3().send(new GetObjectCommand({ Bucket: exportBucket(), Key: key, Range: `bytes=${bytes - 400}-${bytes - 1}` }));
  const [header, firstRow] = (await first.Body!.transformToString()).replace(/^\uFEFF/, '').split('\r\n');
  const lastRow = (await last.Body!.transformToString()).trimEnd().split('\r\n').at(-1)!;
  if (header !== 'timestamp,actor_email,actor_role,module,action,bot_id,target_id,changes') throw new Error(`unexpected header ${header}`);
  return `object ${(bytes / MB).toFixed(1)} MiB as counted; newest row ${firstRow!.slice(0, 24)}..., oldest ${lastRow.slice(0, 24)}...`;
}
