/**
 * The web console: what its first paint costs and what it adds to `npm start`.
 *
 * - `vite build` wall time (a clean build into a temporary directory; the checkout's `console/dist` is untouched).
 * - Initial JavaScript of the sign-in page and of the bots page, gzip: every script Chromium fetched before the
 *   page showed (the entry and whatever it preloads), each chunk listed. Budget: <= 300 KB gzip each.
 * - The bots page with 1,000 bots: milliseconds from navigation start to the first rows painted (Chromium's
 *   performance timeline: the frame after the first table row exists) on a first visit and, median of 5, on reloads of
 *   a signed-in tab; and the API requests a
 *   page of rows costs (one list request per page, none per row). Budget: <= 1 s.
 * - `npm start` to "listening": cold (console sources changed, so it builds) and warm (the build is reused), and
 *   the cost of the freshness check itself (hashing the console's sources).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.js';
import type { BenchContext, BenchSection } from './support/context.js';
import { kb, markdownTable } from './support/markdown.js';

export const consoleBench: BenchSection = {
  name: 'console',
  title: 'Web console: initial JavaScript, bots page paint, build and start',
  run,
};

const BUDGET_GZIP = 300_000;
const BOTS = 1_000;
const LOADS = 5;
/** A row of the bots table holding a bot (its name links to its page), not the loading or empty row. */
const BOT_ROW = 'tbody tr:has(a[href^="/bots/"])';

async function run(ctx: BenchContext): Promise<string> {
  const out: string[] = [];
  const dist = mkdtempSync(join(tmpdir(), 'botops-console-bench-'));
  try {
    const buildMs = await timed(() => vite(ctx.root, dist));
    out.push(`\`vite build\` (vite 8.3.8, clean, into a temporary directory): **${(buildMs / 1000).toFixed(1)} s**`);

    await ctx.dynamo();
    const { createTeam } = await import('../shared/domain/team/members.js');
    const { createBot } = await import('../shared/domain/bots/bots.js');
    const { consoleHandler } = await import('../infra/local/console-assets.js');
    const { ROUTES } = await import('../functions/routes.js');
    const { createLocalApi } = await import('../infra/local/server.js');
    const { freePort } = await import('../infra/local/ports.js');
    const team = await createTeam('Console Bench', 'console-bench@example.com');
    const actor = { email: team.email, role: 'super_admin' as const };
    for (let i = 0; i < BOTS; i += 25)
      await Promise.all(
        Array.from({ length: Math.min(25, BOTS - i) }, (_, j) =>
          createBot(team.teamId, { name: `Bench bot ${String(i + j).padStart(4, '0')}` }, actor),
        ),
      );

    const server: Server = createLocalApi({
      routes: ROUTES,
      loadHandler: async (module) => (await import(`../functions/${module}.ts`)).handler,
      fallback: consoleHandler(dist),
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${port}`;
    const browser = await launchChromium();
    try {
      // Sign-in page: no key, so the console shows the form.
      const signIn = await loadPage(browser, base, '/', null, async (page) => {
        await page.getByRole('heading', { name: 'Sign in to botops' }).waitFor({ timeout: 30_000 });
      });
      // Warm the handlers once (a Lambda cold start is not the console's). Then a first visit (empty browser cache,
      // only the key in the tab) and reloads of a signed-in tab (cached assets, the member remembered).
      await loadPage(browser, base, '/bots', team.apiKey, firstRows);
      const loads = await loadPage(browser, base, '/bots', team.apiKey, firstRows, LOADS);
      const bots = loads[0]!;

      out.push('', '### Initial JavaScript (gzip; budget 300 KB each)', '');
      const rows: string[][] = [];
      for (const [label, load] of [
        ['sign-in', signIn],
        ['bots', bots],
      ] as const) {
        let total = 0;
        for (const file of load.scripts) {
          const bytes = readFileSync(join(dist, file));
          const gz = gzipSync(bytes, { level: 9 }).length;
          total += gz;
          rows.push([label, file, kb(bytes.length), kb(gz)]);
        }
        rows.push([`**${label} total**`, '', '', `**${kb(total)}** ${total <= BUDGET_GZIP ? '(within budget)' : '**OVER BUDGET**'}`]);
      }
      out.push(markdownTable(['page', 'chunk', 'raw KB', 'gzip KB'], rows, ['left', 'left', 'right', 'right']));
      const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !bots.scripts.includes(`assets/${f}`));
      out.push(
        '',
        `Code-split chunks loaded later, on the page that needs them: ${lazy.length} (${kb(lazy.reduce((n, f) => n + gzipSync(readFileSync(join(dist, 'assets', f))).length, 0))} KB gzip in all).`,
      );

      const reloads = loads.slice(1);
      const paints = reloads.map((l) => l.firstRowsMs).sort((a, b) => a - b);
      const median = paints[Math.floor(paints.length / 2)]!;
      const within = (ms: number) => (ms <= 1000 ? '(within 1 s)' : '**OVER BUDGET**');
      out.push(
        '',
        `### Bots page with ${BOTS} bots`,
        '',
        markdownTable(
          ['measure', 'value'],
          [
            [
              'first rows painted after navigation: first visit (empty cache)',
              `**${bots.firstRowsMs.toFixed(0)} ms** ${within(bots.firstRowsMs)}`,
            ],
            [
              `first rows painted after navigation: reload of a signed-in tab, median of ${LOADS}`,
              `**${median.toFixed(0)} ms** ${within(median)}`,
            ],
            ['each reload (ms)', reloads.map((l) => l.firstRowsMs.toFixed(0)).join(', ')],
            [
              'where the time goes, first visit: scripts loaded / GET /api/me done / GET /bots done / rows painted (ms)',
              [bots.timeline.scripts, bots.timeline.me, bots.timeline.list, bots.firstRowsMs].map((n) => n.toFixed(0)).join(' / '),
            ],
            [
              'the same, median reload (GET /api/me runs beside the list: the member is remembered)',
              (() => {
                const m = reloads.find((l) => l.firstRowsMs === median)!;
                return [m.timeline.scripts, m.timeline.me, m.timeline.list, m.firstRowsMs].map((n) => n.toFixed(0)).join(' / ');
              })(),
            ],
            ['rows on the first page', String(bots.rows)],
            ['API requests to show the first page: GET /bots', String(bots.listRequests)],
            ['API requests per row (GET /bots/{id} and others)', String(bots.otherBotRequests)],
            ['GET /bots after clicking Next page', String(bots.listRequestsAfterNext)],
          ],
        ),
      );
    } finally {
      await browser.close();
      server.close();
      server.closeAllConnections();
    }

    out.push('', '### `npm start` to "listening"', '');
    const { consoleSourceHash } = await import('../infra/local/console-assets.js');
    const hashMs = await timed(async () => consoleSourceHash());
    const endpoint = (await ctx.dynamo()).endpoint;
    const hashFile = join(ctx.root, 'console', 'dist', '.build-hash');
    if (existsSync(hashFile)) rmSync(hashFile);
    const cold = await startToListening(ctx.root, endpoint);
    const warm = await startToListening(ctx.root, endpoint);
    out.push(
      markdownTable(
        ['start', 'time to listening'],
        [
          ['cold: console sources changed, so it builds first', `${(cold / 1000).toFixed(1)} s`],
          ['warm: the last build is reused', `${(warm / 1000).toFixed(1)} s`],
          ["the console's cost on a warm start: hashing its sources", `${hashMs.toFixed(0)} ms`],
        ],
        ['left', 'right'],
      ),
      '',
      "(Both starts use the bench's DynamoDB Local, so no JVM start is counted.)",
    );
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
  return out.join('\n');
}

type Load = {
  /** When the scripts, `GET /api/me` and `GET /bots` finished, ms after navigation start (0 when not fetched). */
  timeline: { scripts: number; me: number; list: number };
  scripts: string[];
  firstRowsMs: number;
  rows: number;
  listRequests: number;
  otherBotRequests: number;
  listRequestsAfterNext: number;
};

async function firstRows(page: Page) {
  await page.locator(BOT_ROW).first().waitFor({ timeout: 30_000 });
}

/** Opens `path` in a fresh context (the key in sessionStorage when given) and records what the page fetched. */
async function loadPage(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  base: string,
  path: string,
  key: string | null,
  ready: (page: Page) => Promise<void>,
): Promise<Load>;
async function loadPage(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  base: string,
  path: string,
  key: string | null,
  ready: (page: Page) => Promise<void>,
  reloads: number,
): Promise<Load[]>;
async function loadPage(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  base: string,
  path: string,
  key: string | null,
  ready: (page: Page) => Promise<void>,
  reloads?: number,
): Promise<Load | Load[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const all: Load[] = [];
    for (let i = 0; i <= (reloads ?? 0); i++) all.push(await visit(page, base, path, key, ready, i === 0));
    return reloads === undefined ? all[0]! : all;
  } finally {
    await context.close();
  }
}

async function visit(
  page: Page,
  base: string,
  path: string,
  key: string | null,
  ready: (page: Page) => Promise<void>,
  first: boolean,
): Promise<Load> {
  {
    if (key && first)
      await page.addInitScript(
        (k) =>
          (globalThis as any).sessionStorage.getItem('botops.apiKey') ?? (globalThis as any).sessionStorage.setItem('botops.apiKey', k),
        key,
      );
    // The frame after the first table row is in the DOM: when it is painted, in the navigation's time base.
    if (first)
      await page.addInitScript(() => {
        const g = globalThis as any;
        const observer = new g.MutationObserver(() => {
          // A bot's row (its name links to it), not the table's loading row.
          if (!g.document.querySelector('tbody tr a[href^="/bots/"]')) return;
          observer.disconnect();
          g.requestAnimationFrame(() => g.requestAnimationFrame(() => (g.__firstRows = g.performance.now())));
        });
        g.addEventListener('DOMContentLoaded', () => observer.observe(g.document.body, { childList: true, subtree: true }));
      });
    const scripts: string[] = [];
    let listRequests = 0;
    let otherBotRequests = 0;
    page.removeAllListeners('request');
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (r.resourceType() === 'document') return;
      if (r.resourceType() === 'script') scripts.push(url.pathname.slice(1));
      if (/\/bots$/.test(url.pathname) && r.method() === 'GET') listRequests++;
      else if (/\/bots\/[^/]+/.test(url.pathname)) otherBotRequests++;
    });
    await page.goto(`${base}${path}`);
    await ready(page);
    let firstRowsMs = 0;
    let timeline = { scripts: 0, me: 0, list: 0 };
    let rows = 0;
    let after = listRequests;
    if (key) {
      firstRowsMs = await page
        .waitForFunction(() => (globalThis as any).__firstRows as number | undefined)
        .then((h) => h.jsonValue() as Promise<number>);
      // No named functions inside: tsx would wrap them with a helper the page does not have.
      timeline = await page.evaluate(() => {
        const out = { scripts: 0, me: 0, list: 0 };
        for (const e of (globalThis as any).performance.getEntriesByType('resource') as { name: string; responseEnd: number }[]) {
          if (e.name.endsWith('.js')) out.scripts = Math.max(out.scripts, e.responseEnd);
          if (e.name.endsWith('/api/me')) out.me = Math.max(out.me, e.responseEnd);
          if (/\/bots\?/.test(e.name)) out.list = Math.max(out.list, e.responseEnd);
        }
        return out;
      });
      rows = await page.locator(BOT_ROW).count();
      const seen = listRequests;
      const first = await page.locator(BOT_ROW).first().textContent();
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.waitForFunction((t) => (globalThis as any).document.querySelector('tbody tr a[href^="/bots/"]')?.textContent !== t, first);
      await page.waitForLoadState('networkidle');
      after = listRequests - seen;
      listRequests = seen;
    }
    return { timeline, scripts: [...new Set(scripts)], firstRowsMs, rows, listRequests, otherBotRequests, listRequestsAfterNext: after };
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function vite(root: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        join(root, 'console/vite.config.ts'),
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed: ${err}`))));
  });
}

/** `infra/local/start.ts` (what `npm start` runs) until its "listening" line; then stopped. */
async function startToListening(root: string, dynamoEndpoint: string): Promise<number> {
  const { freePort } = await import('../infra/local/ports.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'botops-bench-start-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(await freePort()),
    LOCAL_DATA_DIR: dataDir,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
  };
  delete env.TABLE_NAME;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`npm start did not get ready:\n${out}`)), 180_000);
      const onData = (d: Buffer) => {
        out += d;
        if (out.includes('listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${out}`)));
    });
    return performance.now() - started;
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
