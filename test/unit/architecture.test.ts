import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Dependencies only point down: infra -> functions -> shared/http -> shared/domain -> shared/db|ports|net.
 * Each source file belongs to one layer; it may import its own layer and the layers below, never above.
 * Type-only and dynamic imports count like any other.
 */
const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), '../..'));

/** Layers from the top; the first pattern a path starts with decides. */
const LAYERS: { name: string; rank: number; prefixes: string[] }[] = [
  { name: 'infra', rank: 6, prefixes: ['infra/'] },
  { name: 'functions', rank: 5, prefixes: ['functions/'] },
  { name: 'http', rank: 4, prefixes: ['shared/http/', 'shared/openapi/'] },
  { name: 'domain', rank: 3, prefixes: ['shared/domain/', 'shared/audit/', 'shared/auth/'] },
  { name: 'storage and ports', rank: 2, prefixes: ['shared/db/', 'shared/ports/', 'shared/net/', 'shared/events/'] },
  { name: 'leaf modules', rank: 1, prefixes: ['shared/'] },
];

const layerOf = (path: string) => LAYERS.find((l) => l.prefixes.some((p) => path.startsWith(p)));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of `file` (static, re-export, type-only, dynamic with a literal), as a repository path. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(ROOT, join(ROOT, dirname(file), name)).replace(/\.js$/, '.ts'));
}

const FILES = ['shared', 'functions', 'infra'].flatMap(sourceFiles);

describe('dependency direction', () => {
  it('finds the source tree', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES).toContain('shared/http/handler.ts');
  });

  it('never imports a layer above (infra -> functions -> shared/http -> shared/domain -> shared/db|ports|net)', () => {
    const violations = FILES.flatMap((file) => {
      const from = layerOf(file)!;
      return importsOf(file).flatMap((target) => {
        const to = layerOf(target);
        return to && to.rank > from.rank ? [`${file} (${from.name}) imports ${target} (${to.name})`] : [];
      });
    });
    expect(violations).toEqual([]);
  });

  it('keeps handlers apart: a function imports the route table and its own request schemas, never another handler', () => {
    const allowed = (file: string, target: string) =>
      target === 'functions/routes.ts' ||
      (file === 'functions/routes.ts' && target.startsWith('functions/routes/')) ||
      target === file.replace(/\.ts$/, '.request.ts') ||
      (file === 'functions/public/openapi.ts' && target === 'functions/requests.ts') ||
      (file === 'functions/requests.ts' && target.endsWith('.request.ts'));
    const violations = FILES.filter((f) => f.startsWith('functions/')).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('functions/') && !allowed(file, target))
        .map((target) => `${file} imports ${target}`),
    );
    expect(violations).toEqual([]);
  });

  it('keeps request modules light: zod schemas only, so a route bundles its own and no one else’s', () => {
    const requestModules = FILES.filter((f) => f.endsWith('.request.ts'));
    expect(requestModules.length).toBeGreaterThan(20);
    const violations = requestModules.flatMap((file) => {
      const valueImports = [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]!);
      return valueImports.filter((spec) => !/(schemas?|paging)\.js$/.test(spec)).map((spec) => `${file} imports ${spec}`);
    });
    expect(violations).toEqual([]);
  });
});

/**
 * Every environment variable is read through `shared/config.ts` (typed, validated, read once). Writing the
 * handlers' environment is the local runtime's job (`process.env.X = ...` in `infra/local/`); reading it anywhere
 * but the config module is not.
 */
describe('environment', () => {
  /** `process.env` uses of `file` that read it: anything but the target of `=` or `delete`. */
  function envReads(file: string): string[] {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const reads: string[] = [];
    const isProcessEnv = (n: ts.Node) =>
      ts.isPropertyAccessExpression(n) && n.name.text === 'env' && ts.isIdentifier(n.expression) && n.expression.text === 'process';
    const visit = (node: ts.Node) => {
      if (isProcessEnv(node)) {
        const access = node.parent;
        const target = ts.isPropertyAccessExpression(access) || ts.isElementAccessExpression(access) ? access : undefined;
        const written =
          target &&
          ((ts.isBinaryExpression(target.parent) &&
            target.parent.left === target &&
            target.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) ||
            ts.isDeleteExpression(target.parent));
        if (!written) reads.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${(target ?? node).getText()}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return reads;
  }

  it('is read only by shared/config.ts', () => {
    const files = FILES.filter(
      (f) => (f.startsWith('shared/') || f.startsWith('functions/') || f.startsWith('infra/local/')) && f !== 'shared/config.ts',
    );
    expect(files.flatMap(envReads)).toEqual([]);
  });
});

describe('file size', () => {
  /** Past this many lines a module holds more than one concern: split it along its seams (rules, storage, queries). */
  const MAX_SHARED_LINES = 250;
  /** A handler reads input, calls shared code and shapes the output. */
  const MAX_HANDLER_LINES = 120;
  const lines = (file: string) => readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1;

  it(`keeps every module under shared/ within ${MAX_SHARED_LINES} lines`, () => {
    const long = FILES.filter((f) => f.startsWith('shared/')).flatMap((f) => (lines(f) > MAX_SHARED_LINES ? [`${f}: ${lines(f)}`] : []));
    expect(long).toEqual([]);
  });

  it(`keeps every module under functions/ within ${MAX_HANDLER_LINES} lines`, () => {
    const long = FILES.filter((f) => f.startsWith('functions/')).flatMap((f) =>
      lines(f) > MAX_HANDLER_LINES ? [`${f}: ${lines(f)}`] : [],
    );
    expect(long).toEqual([]);
  });
});
