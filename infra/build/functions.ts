/**
 * `npm run build:functions`: bundles every deployed function in ONE esbuild build with one entry point per
 * function, into `<outDir>/<module>/index.mjs` (+ `index.mjs.map`), each a self-contained minified ES module for
 * `nodejs22.x`: every dependency, the AWS SDK v3 included, is bundled at the version our lockfile pins (it starts
 * faster than resolving the runtime's own copy file by file; `npm run bench -- coldstart` measures both).
 * Shared chunks are off, so each function's directory is its whole deployment package.
 *
 * The CDK app calls {@link buildFunctions} before every synth, so a synthesized template never points at stale
 * code. A build is skipped when nothing it read changed: the key is a hash of the options, the entry list and the
 * content of every input file of the previous build (from esbuild's metafile, written beside the bundles).
 *
 * Usage: `tsx infra/build/functions.ts [--out <dir>] [--sdk external] [--force]`.
 *
 * @see https://esbuild.github.io/api/#metafile
 * @see https://docs.aws.amazon.com/lambda/latest/dg/typescript-package.html
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, type Metafile, build, version as esbuildVersion } from 'esbuild';
import { BUNDLE_FILE, DEFAULT_FUNCTIONS_DIR, FUNCTION_MODULES, REPO_ROOT } from './layout.js';

/** Some dependencies are CommonJS and call `require`, which an ES module lacks. */
const REQUIRE_SHIM = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

export type FunctionsBuildOptions = {
  /** @default DEFAULT_FUNCTIONS_DIR (`dist/functions`) */
  readonly outDir?: string;
  /** `bundled` (deployed): every dependency inside; `external`: `@aws-sdk/*` left to the runtime (bench comparison). */
  readonly sdk?: 'bundled' | 'external';
  /** @default FUNCTION_MODULES */
  readonly modules?: readonly string[];
  /** Rebuild even when the inputs did not change. */
  readonly force?: boolean;
};

export type FunctionsBuild = {
  outDir: string;
  modules: readonly string[];
  /** esbuild's metafile of the build (inputs and outputs, bytes per input in each output). */
  metafile: Metafile;
  /** `false` when the previous build was reused. */
  built: boolean;
  /** Wall time of this call, ms. */
  ms: number;
};

const BUILD_INFO = 'build-info.json';
const METAFILE = 'metafile.json';

/** The esbuild options of a functions build (exported for tests and the bench). */
export function esbuildOptions(outDir: string, sdk: 'bundled' | 'external', modules: readonly string[]): BuildOptions {
  return {
    entryPoints: modules.map((m) => ({ in: join(REPO_ROOT, 'functions', `${m}.ts`), out: `${m}/index` })),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    absWorkingDir: REPO_ROOT,
    bundle: true,
    splitting: false,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    // Mappings alone give TypeScript file:line in stack traces (NODE_OPTIONS=--enable-source-maps).
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_SHIM },
    external: sdk === 'external' ? ['@aws-sdk/*'] : [],
    metafile: true,
    logLevel: 'warning',
  };
}

/**
 * Builds (or reuses) the bundles of `modules` into `outDir`.
 * @throws the esbuild error when a module does not compile.
 */
export async function buildFunctions(opts: FunctionsBuildOptions = {}): Promise<FunctionsBuild> {
  const started = performance.now();
  const outDir = resolve(opts.outDir ?? DEFAULT_FUNCTIONS_DIR);
  const sdk = opts.sdk ?? 'bundled';
  const modules = [...(opts.modules ?? FUNCTION_MODULES)].sort();
  const options = esbuildOptions(outDir, sdk, modules);
  const settings = JSON.stringify({ esbuildVersion, sdk, modules, options: { ...options, outdir: undefined } });

  const previous = readPrevious(outDir);
  if (!opts.force && previous && modules.every((m) => existsSync(join(outDir, m, BUNDLE_FILE)))) {
    if (previous.info.key === buildKey(settings, previous.metafile)) {
      return { outDir, modules, metafile: previous.metafile, built: false, ms: performance.now() - started };
    }
  }

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build(options);
  const metafile = result.metafile!;
  writeFileSync(join(outDir, METAFILE), JSON.stringify(metafile));
  writeFileSync(join(outDir, BUILD_INFO), JSON.stringify({ key: buildKey(settings, metafile), sdk, modules }, null, 2));
  return { outDir, modules, metafile, built: true, ms: performance.now() - started };
}

function readPrevious(outDir: string): { info: { key: string }; metafile: Metafile } | undefined {
  try {
    return {
      info: JSON.parse(readFileSync(join(outDir, BUILD_INFO), 'utf8')),
      metafile: JSON.parse(readFileSync(join(outDir, METAFILE), 'utf8')),
    };
  } catch {
    return undefined;
  }
}

/** SHA-256 over the settings and the content of every input the build read; a missing input changes it too. */
function buildKey(settings: string, metafile: Metafile): string {
  const hash = createHash('sha256').update(settings);
  for (const input of Object.keys(metafile.inputs).sort()) {
    hash.update(`\0${input}\0`);
    try {
      hash.update(readFileSync(join(REPO_ROOT, input)));
    } catch {
      hash.update('(missing)');
    }
  }
  return hash.digest('hex');
}

/** Output bytes of each function's bundle (`index.mjs`), from the metafile. */
export function bundleBytes(build: Pick<FunctionsBuild, 'metafile' | 'modules'>): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const [path, output] of Object.entries(build.metafile.outputs)) {
    const module = build.modules.find((m) => path.endsWith(`/${m}/${BUNDLE_FILE}`));
    if (module) bytes.set(module, output.bytes);
  }
  return bytes;
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sdk = arg('--sdk') === 'external' ? 'external' : 'bundled';
  const result = await buildFunctions({ outDir: arg('--out') ?? DEFAULT_FUNCTIONS_DIR, sdk, force: argv.includes('--force') });
  const sizes = [...bundleBytes(result).values()];
  console.log(
    `functions: ${result.modules.length} bundles (${sdk} SDK) in ${result.outDir}, ` +
      `${result.built ? 'built' : 'unchanged, reused'} in ${(result.ms / 1000).toFixed(1)} s; largest ${(Math.max(...sizes) / 1000).toFixed(0)} KB`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
