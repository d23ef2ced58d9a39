/**
 * Bundle size per Lambda function. Budget: minified ESM per
 * function; DynamoDB-only handlers <= 150 KB, others <= 250 KB (1 KB = 1000 bytes here, the stricter reading).
 *
 * Bundles every distinct handler module of the route table plus the authorizer with esbuild's JS API, with the
 * settings the stack deploys (ESM, node22, minified, `module` before `main`, a `require` shim banner), in memory.
 * A bundle counts as DynamoDB-only when it imports DynamoDB packages of the (external) SDK and no other AWS
 * package; anything else (another AWS client, or none at all, like /openapi.json) has the 250 KB budget.
 * For the largest bundle, the input packages contributing most bytes are listed to help find bloat.
 */
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { build, type Metafile } from 'esbuild';
import { ROUTES } from '../functions/routes.js';
import type { BenchContext, BenchSection } from './support/context.js';
import { kb, markdownTable } from './support/markdown.js';

const DYNAMODB_ONLY_BUDGET = 150_000;
const OTHER_BUDGET = 250_000;
const TOP_PACKAGES = 3;
const REQUIRE_SHIM = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

export type Bundle = { fn: string; bytes: number; packages: Map<string, number>; dynamoOnly: boolean };

export const bundleSize: BenchSection = {
  name: 'bundles',
  title: 'Bundle sizes',
  run,
};

async function run(ctx: BenchContext): Promise<string> {
  // Functions outside the route table: the authorizer, and the scheduled connector health check (issue 6).
  const functions = [...new Set<string>(ROUTES.map((r) => r.handler)), 'authorizer', 'health-check'];
  const started = Date.now();
  const bundles = await mapLimit(functions, Math.max(1, Math.min(2, availableParallelism())), (fn) => bundle(ctx.root, fn));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const rows = bundles.map((b) => {
    const budget = b.dynamoOnly ? DYNAMODB_ONLY_BUDGET : OTHER_BUDGET;
    return [
      b.fn,
      String(b.bytes),
      kb(b.bytes),
      `${kb(budget)} (${b.dynamoOnly ? 'DynamoDB-only' : 'other'})`,
      b.bytes <= budget ? 'yes' : 'NO',
    ];
  });
  const largest = bundles.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const top = [...largest.packages].sort((a, b) => b[1] - a[1]).slice(0, TOP_PACKAGES);
  const over = bundles.filter((b) => b.bytes > (b.dynamoOnly ? DYNAMODB_ONLY_BUDGET : OTHER_BUDGET));

  return [
    markdownTable(['Function', 'Bytes', 'KB', 'Budget KB', 'Within budget'], rows, ['left', 'right', 'right', 'left', 'left']),
    '',
    `${bundles.length} functions bundled in ${seconds} s; ${over.length ? `over budget: ${over.map((b) => b.fn).join(', ')}` : 'all within budget'}.`,
    '',
    `Top ${TOP_PACKAGES} input packages of the largest bundle, ${largest.fn} (${kb(largest.bytes)} KB):`,
    '',
    markdownTable(
      ['Package', 'KB in output', 'Share'],
      top.map(([pkg, bytes]) => [pkg, kb(bytes), `${((bytes / largest.bytes) * 100).toFixed(0)}%`]),
      ['left', 'right', 'right'],
    ),
  ].join('\n');
}

/** One function bundled as deployed (also used by other sections for the functions they report). */
export async function bundle(root: string, fn: string): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(root, 'functions', `${fn}.ts`)],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    write: false,
    mainFields: ['module', 'main'],
    // as deployed: the nodejs22.x runtime provides the AWS SDK v3
    external: ['@aws-sdk/*'],
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for functions/${fn}.ts`);
  const packages = packageBytes(result.metafile);
  // The SDK is external (provided by the runtime), so read which AWS packages the bundle imports at run time.
  const sdk = new Set(
    Object.values(result.metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/')).map((i) => i.path),
    ),
  );
  const usesDynamo = [...sdk].some((p) => /dynamodb/.test(p));
  const dynamoOnly = usesDynamo && [...sdk].every((p) => /dynamodb/.test(p));
  return { fn, bytes: output.contents.byteLength, packages, dynamoOnly };
}

/** Output bytes per npm package (the innermost `node_modules/<name>`), own sources under `(botops source)`. */
function packageBytes(metafile: Metafile): Map<string, number> {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return totals;
}

function packageOf(path: string): string {
  const marker = 'node_modules/';
  const at = path.lastIndexOf(marker);
  if (at < 0) return '(botops source)';
  const [first, second] = path.slice(at + marker.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : (first ?? path);
}

/** `Promise.all` over `items` with at most `limit` calls of `fn` in flight; results keep the input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
