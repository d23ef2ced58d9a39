/**
 * Cold start per Lambda function: what a fresh execution environment pays before the first request, measured as
 * a new `node` process that imports the function's built bundle and exits (process start + module load, parse and
 * top-level code), minus a bare `node` start measured in the same run, interleaved so both see the same machine.
 * Median of `COLDSTART_RUNS` (default 11) runs, with the median peak RSS (`process.resourceUsage().maxRSS`).
 *
 * Two builds side by side: the deployed one (every dependency, the AWS SDK included, in one minified file) and the
 * same build with `@aws-sdk/*` left external (resolved from node_modules, as the runtime's own SDK would be).
 * Both run with the flags the stack deploys: none for the request path (routes and authorizer), and
 * `--enable-source-maps` for the jobs. Budget: import <= 100 ms
 * median for every request-path function on this machine; misses are listed, never fatal. The figures are wall
 * times, so a busy machine inflates them: the load average is printed with them, and the CPU column (user + system
 * time of the process) is steadier. `COLDSTART_FUNCTIONS=bots/get,calls/dialout` measures only those.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROUTES } from '../functions/routes.js';
import { build } from 'esbuild';
import { bundleBytes, esbuildOptions } from '../infra/build/functions.js';
import { BUNDLE_FILE, bundleDirOf } from '../infra/build/layout.js';
import { functionBuilds } from './bundle-size.js';
import type { BenchContext, BenchSection } from './support/context.js';
import { kb, markdownTable } from './support/markdown.js';

export const IMPORT_BUDGET_MS = 100;
/** `NODE_OPTIONS` as the stack sets it: jobs map stack traces to TypeScript, request-path functions do not. */
const JOB_NODE_OPTIONS = '--enable-source-maps';

export const coldstart: BenchSection = {
  name: 'coldstart',
  title: 'Cold start: import time and memory per function, SDK bundled vs external',
  run,
};

type Sample = { ms: number; cpuMs: number; rssMiB: number };

async function run(ctx: BenchContext): Promise<string> {
  const runs = Math.max(10, Number(process.env.COLDSTART_RUNS ?? 11));
  const { bundled, external } = await functionBuilds(ctx.root);
  const only = process.env.COLDSTART_FUNCTIONS?.split(',').map((s) => s.trim());
  const modules = bundled.modules.filter((m) => !only || only.includes(m));
  const routeModules = new Set<string>([...ROUTES.map((r) => r.handler), 'authorizer']);
  const nodeOptions = (m: string) => (routeModules.has(m) ? '' : JOB_NODE_OPTIONS);
  const sizes = { bundled: bundleBytes(bundled), external: bundleBytes(external) };
  const entry = (dir: string, m: string) => pathToFileURL(join(bundleDirOf(dir, m), BUNDLE_FILE)).href;
  const floor = await buildFloor(ctx.root);

  const started = performance.now();
  const loadBefore = os.loadavg()[0]!.toFixed(1);
  const bare: Sample[] = [];
  const floorSamples: Sample[] = [];
  const results = new Map<string, { bundled: Sample[]; external: Sample[] }>();
  for (const m of modules) results.set(m, { bundled: [], external: [] });
  // Round-robin over every function in each round, so slow phases of a shared machine hit all of them alike.
  for (let round = 0; round < runs; round++) {
    floorSamples.push(await measure(floor.url, ''));
    for (const m of modules) {
      bare.push(await measure(undefined, ''));
      results.get(m)!.bundled.push(await measure(entry(bundled.outDir, m), nodeOptions(m)));
      results.get(m)!.external.push(await measure(entry(external.outDir, m), nodeOptions(m)));
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const bareMs = median(bare.map((s) => s.ms));
  const bareCpu = median(bare.map((s) => s.cpuMs));
  const bareRss = median(bare.map((s) => s.rssMiB));
  const cpu = (xs: Sample[]) => (median(xs.map((s) => s.cpuMs)) - bareCpu).toFixed(0);

  const rows = modules.map((m) => {
    const r = results.get(m)!;
    const b = median(r.bundled.map((s) => s.ms)) - bareMs;
    const e = median(r.external.map((s) => s.ms)) - bareMs;
    return {
      m,
      route: routeModules.has(m),
      b,
      e,
      cells: [
        m,
        m === 'authorizer' ? 'authorizer' : routeModules.has(m) ? 'route' : 'job',
        kb(sizes.bundled.get(m) ?? 0),
        b.toFixed(0),
        cpu(r.bundled),
        median(r.bundled.map((s) => s.rssMiB)).toFixed(0),
        kb(sizes.external.get(m) ?? 0),
        e.toFixed(0),
        cpu(r.external),
        median(r.external.map((s) => s.rssMiB)).toFixed(0),
        routeModules.has(m) ? (b <= IMPORT_BUDGET_MS ? 'yes' : 'NO') : '-',
      ],
    };
  });
  const over = rows.filter((r) => r.route && r.b > IMPORT_BUDGET_MS);
  const floorMs = median(floorSamples.map((x) => x.ms)) - bareMs;
  const routeRows = rows.filter((r) => r.route);
  const faster = routeRows.filter((r) => r.b < r.e).length;

  return [
    markdownTable(
      [
        'Function',
        'Kind',
        'Bundled KB',
        'Import ms',
        'CPU ms',
        'Peak MiB',
        'SDK-external KB',
        'Import ms',
        'CPU ms',
        'Peak MiB',
        `<= ${IMPORT_BUDGET_MS} ms`,
      ],
      rows.map((r) => r.cells),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    '',
    `Import ms = median of ${runs} runs of \`node -e "await import(bundle)"\` (jobs: \`node ${JOB_NODE_OPTIONS}\`) minus the median bare \`node\` start ` +
      `of the same run (${bareMs.toFixed(0)} ms, ${bareCpu.toFixed(0)} ms CPU, ${bareRss.toFixed(0)} MiB peak RSS); CPU ms = user + system time, likewise ` +
      `(less sensitive to other load). ${modules.length} functions x 3 processes x ${runs} runs in ${seconds} s; load average before/after ${loadBefore} / ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores.`,
    `Request-path functions (routes and authorizer): median import ${median(routeRows.map((r) => r.b)).toFixed(0)} ms bundled vs ${median(routeRows.map((r) => r.e)).toFixed(0)} ms SDK external; ` +
      `bundled faster for ${faster} of ${routeRows.length}. ` +
      `${over.length ? `Over the ${IMPORT_BUDGET_MS} ms budget: ${over.map((r) => `${r.m} (${r.b.toFixed(0)} ms)`).join(', ')}.` : `All within the ${IMPORT_BUDGET_MS} ms budget.`}`,
    `Floor: a bundle that only creates the DynamoDB Document client (${kb(floor.bytes)} KB, built like the functions) imports in ${floorMs.toFixed(0)} ms in the same run; every function using the table pays at least that.`,
  ].join('\n');
}

/** One process: start node, import `url` (nothing for the bare start), exit; wall ms and peak RSS. */
function measure(url: string | undefined, nodeOptions: string): Promise<Sample> {
  const code = `${url ? `await import(${JSON.stringify(url)});` : ''}const u=process.resourceUsage();process.stdout.write(JSON.stringify([u.maxRSS,u.userCPUTime+u.systemCPUTime]));`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_OPTIONS: nodeOptions,
    // What Lambda and the stack set; nothing is called, the values only have to exist.
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'coldstart',
    AWS_SECRET_ACCESS_KEY: 'coldstart',
    TABLE_NAME: 'botops-coldstart',
    POWERTOOLS_SERVICE_NAME: 'botops',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (status) => {
      const ms = performance.now() - t0;
      if (status !== 0) return reject(new Error(`import of ${url} failed (${status}): ${err.slice(0, 500)}`));
      const [rssKiB, cpuMicros] = JSON.parse(out) as [number, number];
      resolve({ ms, cpuMs: cpuMicros / 1000, rssMiB: rssKiB / 1024 });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** A bundle that only creates the DynamoDB Document client, built like the functions: the floor of a table function. */
async function buildFloor(root: string): Promise<{ url: string; bytes: number }> {
  const outfile = join(root, 'dist', 'bench', 'coldstart-floor', BUNDLE_FILE);
  const { entryPoints: _entries, outdir: _outdir, outExtension: _ext, ...options } = esbuildOptions('', 'bundled', []);
  await build({
    ...options,
    stdin: {
      contents:
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';" +
        'export const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      resolveDir: root,
      loader: 'ts',
    },
    outfile,
  });
  return { url: pathToFileURL(outfile).href, bytes: statSync(outfile).size };
}
