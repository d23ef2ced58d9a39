import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The web console on the local runtime: `npm start` builds `console/` with Vite when its sources changed since the
 * last build (a content hash kept beside the build), then serves `console/dist` at `/` on the API's own port.
 * API paths never reach it; any other unknown path gets `index.html`, so the console's routes survive a reload.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CONSOLE_DIR = join(ROOT, 'console');
export const DIST_DIR = join(CONSOLE_DIR, 'dist');
const HASH_FILE = join(DIST_DIR, '.build-hash');
const LOCK_DIR = join(CONSOLE_DIR, '.build-lock');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const SKIP = new Set(['dist', 'node_modules', '.build-lock']);

/** Paths the API owns (CloudFront routes the same ones to the HTTP API on AWS). */
export function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path.startsWith('/widget/') || path === '/openapi.json' || path === '/health';
}

/** A hash of every console source file (path and content) and of the lockfile that pins its dependencies. */
export function consoleSourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (SKIP.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(CONSOLE_DIR);
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex');
}

export function consoleIsFresh(hash = consoleSourceHash()): boolean {
  return existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === hash;
}

/**
 * Builds the console unless the last build has the current sources. One build at a time per checkout: a second
 * caller (another runtime starting, a test run) waits for the first and reuses its output.
 */
export async function ensureConsoleBuilt(log: (line: string) => void = () => undefined): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  if (consoleIsFresh()) return { built: false, ms: Date.now() - started };
  await withLock(async () => {
    const hash = consoleSourceHash();
    if (consoleIsFresh(hash)) return;
    log('botops: building the console (its sources changed)...');
    await runVite();
    writeFileSync(HASH_FILE, hash);
  });
  return { built: true, ms: Date.now() - started };
}

async function withLock(fn: () => Promise<void>) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      // A lock older than the deadline was left by a killed build.
      const age = Date.now() - (statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`console build lock ${LOCK_DIR} held for too long`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

function runVite(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE, 'build', '--config', join(CONSOLE_DIR, 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${out}`))));
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** What CloudFront's response headers policy sends on AWS: no inline script, no framing, no sniffing. */
const HTML_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/**
 * A request handler for the console's files; answers `true` when it served the request. Hashed files under
 * `/assets/` are cached for a year; `index.html` is revalidated on every load so a new build shows at once.
 */
export function consoleHandler(distDir = DIST_DIR): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (isApiPath(path)) return false;
    const index = join(distDir, 'index.html');
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The botops console is not built: run `npm run build:console` (npm start builds it).\n');
      return true;
    }
    const file = normalize(join(distDir, path));
    const inside = file.startsWith(distDir + sep);
    const isFile = inside && !file.endsWith(`${sep}.build-hash`) && statSync(file, { throwIfNoEntry: false })?.isFile();
    if (!isFile && extname(path) && path.startsWith('/assets/')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return true;
    }
    const target = isFile ? file : index;
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    const headers: Record<string, string> =
      target === index
        ? { 'content-type': type, ...HTML_HEADERS }
        : {
            'content-type': type,
            'x-content-type-options': 'nosniff',
            'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          };
    res.writeHead(200, { ...headers, 'content-length': String(statSync(target).size) });
    if (method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
    return true;
  };
}
