import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionsBuild, buildFunctions, esbuildOptions } from '../../infra/build/functions.js';
import { BUNDLE_FILE, FUNCTION_MODULES, bundleDirOf } from '../../infra/build/layout.js';

/*
 * The one esbuild build of every function (`npm run build:functions`, run by every `cdk synth`), on a few modules:
 * self-contained ES modules with the AWS SDK inside, one directory each, and no module a function does not use.
 */
const MODULES = ['bots/get', 'bots/create', 'public/openapi', 'widget/script'];

let build: FunctionsBuild;
let outDir: string;
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'botops-build-'));
  build = await buildFunctions({ outDir, modules: MODULES });
}, 120_000);

const inputsOf = (module: string) => {
  const [, output] = Object.entries(build.metafile.outputs).find(([p]) => p.endsWith(`/${module}/${BUNDLE_FILE}`))!;
  return output;
};

describe('functions build', () => {
  it('bundles minified ESM for node22 with source maps, in one build, shared chunks off, nothing external', () => {
    const options = esbuildOptions('/out', 'bundled', FUNCTION_MODULES);
    expect(options).toMatchObject({
      bundle: true,
      splitting: false,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      minify: true,
      sourcemap: true,
      external: [],
    });
    expect((options.entryPoints as { out: string }[]).map((e) => e.out)).toEqual(FUNCTION_MODULES.map((m) => `${m}/index`));
    expect(esbuildOptions('/out', 'external', MODULES).external).toEqual(['@aws-sdk/*']);
  });

  it('writes <module>/index.mjs and its source map per function, importable and exporting handler', async () => {
    for (const m of MODULES) {
      const dir = bundleDirOf(outDir, m);
      expect(existsSync(join(dir, BUNDLE_FILE)), m).toBe(true);
      expect(existsSync(join(dir, `${BUNDLE_FILE}.map`)), m).toBe(true);
    }
    const mod = (await import(pathToFileURL(join(bundleDirOf(outDir, 'widget/script'), BUNDLE_FILE)).href)) as { handler: unknown };
    expect(typeof mod.handler).toBe('function');
    // an ES module with the `require` shim CommonJS dependencies need
    expect(readFileSync(join(bundleDirOf(outDir, 'bots/get'), BUNDLE_FILE), 'utf8').slice(0, 120)).toMatch(
      /^import.*createRequire.*from ?["']module["']/,
    );
  });

  it('bundles the AWS SDK and every other dependency: a bundle imports nothing but Node built-ins', () => {
    for (const m of MODULES) {
      const external = inputsOf(m)
        .imports.filter((i) => i.external)
        .map((i) => i.path.replace(/^node:/, ''));
      expect(
        external.filter((p) => !builtinModules.includes(p)),
        m,
      ).toEqual([]);
    }
    expect(Object.keys(inputsOf('bots/get').inputs).some((i) => i.includes('node_modules/@aws-sdk/client-dynamodb/'))).toBe(true);
  });

  it('pulls idempotency only into the idempotent route, and the OpenAPI registry only into /openapi.json', () => {
    const has = (m: string, part: string) => Object.keys(inputsOf(m).inputs).some((i) => i.includes(part));
    expect(MODULES.filter((m) => has(m, '@aws-lambda-powertools/idempotency/'))).toEqual(['bots/create']);
    expect(MODULES.filter((m) => has(m, '@asteasolutions/zod-to-openapi/'))).toEqual(['public/openapi']);
    expect(MODULES.filter((m) => has(m, 'shared/openapi/'))).toEqual(['public/openapi']);
    expect(has('widget/script', 'node_modules/@aws-sdk/')).toBe(false);
  });

  it('reuses a build whose inputs did not change, and rebuilds when forced', async () => {
    const again = await buildFunctions({ outDir, modules: MODULES });
    expect(again.built).toBe(false);
    expect(again.metafile).toEqual(build.metafile);
    const other = await buildFunctions({ outDir, modules: ['widget/script'] });
    expect(other.built).toBe(true);
    expect(existsSync(join(bundleDirOf(outDir, 'bots/get'), BUNDLE_FILE))).toBe(false);
  }, 120_000);
});
