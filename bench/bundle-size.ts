/**
 * Bundle size per Lambda function, from the one esbuild build the stack deploys (`npm run build:functions`: every
 * dependency, the AWS SDK included, bundled; minified ESM for node22), beside the same build with `@aws-sdk/*` left
 * to the runtime. Budget: bundles <= 1 MB (1 MB = 1,000,000 bytes);
 * what matters is init time, measured by the `coldstart` section.
 *
 * From esbuild's metafile it also lists what each function pulls in among the modules only some functions need
 * (Powertools idempotency, the OpenAPI registry, AWS clients besides DynamoDB, zod, csv-stringify), and the input
 * packages that weigh most in the largest bundle.
 */
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { type FunctionsBuild, bundleBytes, buildFunctions } from '../infra/build/functions.js';
import { BUNDLE_FILE } from '../infra/build/layout.js';
import type { BenchContext, BenchSection } from './support/context.js';
import { kb, markdownTable } from './support/markdown.js';

export const BUNDLE_BUDGET_BYTES = 1_000_000;
const TOP_PACKAGES = 5;

/** Packages and modules only some functions need, by the name the table shows. */
const NOTABLE: [label: string, pathPart: string][] = [
  ['idempotency', 'node_modules/@aws-lambda-powertools/idempotency/'],
  ['openapi', 'node_modules/@asteasolutions/zod-to-openapi/'],
  ['zod', 'node_modules/zod/'],
  ['lambda', 'node_modules/@aws-sdk/client-lambda/'],
  ['s3', 'node_modules/@aws-sdk/client-s3/'],
  ['eventbridge', 'node_modules/@aws-sdk/client-eventbridge/'],
  ['scheduler', 'node_modules/@aws-sdk/client-scheduler/'],
  ['sqs', 'node_modules/@aws-sdk/client-sqs/'],
  ['metrics', 'node_modules/@aws-lambda-powertools/metrics/'],
  ['csv', 'node_modules/csv-stringify/'],
];

export type Bundle = { fn: string; bytes: number; packages: Map<string, number>; notable: string[] };

export const bundleSize: BenchSection = {
  name: 'bundles',
  title: 'Bundle sizes (SDK bundled as deployed, and SDK external)',
  run,
};

/**
 * The deployed build (`dist/functions`, reused when unchanged, like `cdk synth` does) and the SDK-external build
 * (`dist/bench/functions-sdk-external`, inside the checkout so `@aws-sdk/*` resolves from its node_modules).
 */
export async function functionBuilds(root: string): Promise<{ bundled: FunctionsBuild; external: FunctionsBuild }> {
  const bundled = await buildFunctions({ outDir: join(root, 'dist', 'functions') });
  const external = await buildFunctions({ outDir: join(root, 'dist', 'bench', 'functions-sdk-external'), sdk: 'external' });
  return { bundled, external };
}

async function run(ctx: BenchContext): Promise<string> {
  const started = performance.now();
  const { bundled, external } = await functionBuilds(ctx.root);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const sizes = bundleBytes(bundled);
  const externalSizes = bundleBytes(external);
  const bundles = bundled.modules.map((fn) => describeBundle(bundled.metafile, fn, sizes.get(fn)!));

  const rows = bundles.map((b) => [
    b.fn,
    kb(b.bytes),
    kb(externalSizes.get(b.fn) ?? 0),
    b.bytes <= BUNDLE_BUDGET_BYTES ? 'yes' : 'NO',
    b.notable.join(', ') || '-',
  ]);
  const largest = bundles.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const top = [...largest.packages].sort((a, b) => b[1] - a[1]).slice(0, TOP_PACKAGES);
  const over = bundles.filter((b) => b.bytes > BUNDLE_BUDGET_BYTES);
  const uses = (label: string) => bundles.filter((b) => b.notable.includes(label)).map((b) => b.fn);

  return [
    markdownTable(['Function', 'KB (SDK bundled)', 'KB (SDK external)', '<= 1 MB', 'Pulls in'], rows, [
      'left',
      'right',
      'right',
      'left',
      'left',
    ]),
    '',
    `${bundles.length} functions, both builds ready in ${seconds} s (one esbuild build each; reused when no input changed). ` +
      `${over.length ? `Over 1 MB: ${over.map((b) => b.fn).join(', ')}.` : 'All within 1 MB.'} ` +
      `Largest: ${largest.fn}, ${kb(largest.bytes)} KB.`,
    '',
    `Powertools idempotency only in: ${uses('idempotency').join(', ') || 'none'}.`,
    `The OpenAPI registry only in: ${uses('openapi').join(', ') || 'none'}.`,
    '',
    `Top ${TOP_PACKAGES} input packages of the largest bundle, ${largest.fn}:`,
    '',
    markdownTable(
      ['Package', 'KB in output', 'Share'],
      top.map(([pkg, bytes]) => [pkg, kb(bytes), `${((bytes / largest.bytes) * 100).toFixed(0)}%`]),
      ['left', 'right', 'right'],
    ),
  ].join('\n');
}

/** One function's bundle as deployed (other sections report the functions they exercise). */
export async function bundle(root: string, fn: string): Promise<Bundle> {
  const { bundled } = await functionBuilds(root);
  const bytes = bundleBytes(bundled).get(fn);
  if (bytes === undefined) throw new Error(`functions/${fn}.ts is not a deployed function`);
  return describeBundle(bundled.metafile, fn, bytes);
}

function describeBundle(metafile: Metafile, fn: string, bytes: number): Bundle {
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${fn}/${BUNDLE_FILE}`))?.[1];
  if (!output) throw new Error(`no output for ${fn} in the metafile`);
  const inputs = Object.keys(output.inputs);
  return {
    fn,
    bytes,
    packages: packageBytes(output.inputs),
    notable: NOTABLE.filter(([, part]) => inputs.some((i) => i.includes(part))).map(([label]) => label),
  };
}

/** Output bytes per npm package (the innermost `node_modules/<name>`), own sources under `(botops source)`. */
function packageBytes(inputs: Metafile['outputs'][string]['inputs']): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = packageOf(path);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
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
