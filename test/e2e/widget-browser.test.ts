import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { join } from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports.js';
import { doc } from '../../shared/db/client.js';
import { botKey } from '../../shared/db/keys.js';
import { client, type Runtime, startRuntime } from '../support/runtime.js';

/*
 * The embed code in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core) loads test
 * pages from two loopback origins, http://127.0.0.1:<p1> (in the bot's allowed domains) and http://127.0.0.2:<p2>
 * (not), each page holding the embed code that points at the local runtime.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;
let browser: Browser;
let allowedOrigin: string;
let otherOrigin: string;
const servers: Server[] = [];
const pages = new Map<string, string>();

/** Serves `pages` (path -> HTML) on `host`, like the two websites of the test. */
async function site(host: string): Promise<string> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  servers.push(server);
  return `http://${host}:${port}`;
}

beforeAll(async () => {
  [rt, browser, allowedOrigin, otherOrigin] = await Promise.all([
    startRuntime(),
    chromium.launch({ executablePath: CHROMIUM, args: ARGS }),
    site('127.0.0.1'),
    site('127.0.0.2'),
  ]);
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  await rt?.stop();
});

/** A bot with the given appearance whose widget is enabled for the allowed origin only; returns its embed code. */
async function widgetBot(appearance: Record<string, unknown> = {}) {
  const bot = await api('POST', `${team}/bots`, { name: 'Browser bot', ...appearance });
  const id = bot.json.id as string;
  expect((await api('PUT', `${team}/bots/${id}/widget`, { enabled: true, allowedDomains: [allowedOrigin] })).status).toBe(200);
  const { embedCode } = (await api('POST', `${team}/bots/${id}/widget/key/reveal`)).json as { embedCode: string };
  return { id, embedCode };
}

type Visit = {
  outcome: { type: string; status?: number };
  buttons: number;
  console: string[];
  failed: string[];
  sessionStatuses: number[];
};

/** Opens a page holding `embed` on `origin` in a fresh browser context and waits for the widget's verdict. */
async function visit(origin: string, embed: string, then?: (page: import('playwright-core').Page) => Promise<void>): Promise<Visit> {
  const path = `/page-${pages.size}`;
  pages.set(path, `<!doctype html><html><head><title>Shop</title></head><body><h1>Our shop</h1>${embed}</body></html>`);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen: Visit = { outcome: { type: '' }, buttons: 0, console: [], failed: [], sessionStatuses: [] };
    page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
    page.on('requestfailed', (r) => seen.failed.push(`${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    page.on(
      'response',
      (r) => r.url().includes('/widget/v1/sessions') && r.request().method() === 'POST' && seen.sessionStatuses.push(r.status()),
    );
    // Runs in the page (no DOM types in this project's tsconfig, hence the casts): records the widget's events.
    await page.addInitScript(() => {
      const w = globalThis as unknown as EventTarget & { __widget: unknown[] };
      w.__widget = [];
      w.addEventListener('botops:widget-ready', () => w.__widget.push({ type: 'ready' }));
      w.addEventListener('botops:widget-error', (e) =>
        w.__widget.push({ type: 'error', status: (e as Event & { detail: { status: number } }).detail.status }),
      );
    });
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() => (globalThis as unknown as { __widget: unknown[] }).__widget.length > 0, undefined, {
      timeout: 15_000,
    });
    seen.outcome = (await page.evaluate(() => (globalThis as unknown as { __widget: unknown[] }).__widget[0])) as Visit['outcome'];
    seen.buttons = await page.locator('[data-botops-widget] button').count();
    if (then) await then(page);
    return seen;
  } finally {
    await context.close();
  }
}

describe('web widget in Chromium', () => {
  it("shows the bot's button, in its colour, icon, alignment and labels, on an allowed origin", async () => {
    const { embedCode } = await widgetBot({
      color: '#0A7F3F',
      icon: 'robot',
      alignment: 'left',
      showButtonLabel: true,
      labels: { floatingButton: 'Talk to us', firstMessage: 'Hi! Ask me about orders.' },
    });
    const seen = await visit(allowedOrigin, embedCode, async (page) => {
      const button = page.locator('[data-botops-widget] button');
      await expect(button.getAttribute('aria-label')).resolves.toBe('Talk to us');
      await expect(button.getAttribute('data-icon')).resolves.toBe('robot');
      await expect(button.textContent()).resolves.toContain('Talk to us');
      const style = await button.evaluate((b) => {
        const { backgroundColor, left, position } = (
          globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }
        ).getComputedStyle(b);
        return { bg: backgroundColor, left, position };
      });
      expect(style).toEqual({ bg: 'rgb(10, 127, 63)', left: '20px', position: 'fixed' });
      await button.click();
      await expect(page.locator('[data-botops-widget] [role=dialog]').textContent()).resolves.toContain('Hi! Ask me about orders.');
    });
    expect(seen.outcome).toEqual({ type: 'ready' });
    expect(seen.sessionStatuses).toEqual([201]);
    expect(seen.buttons).toBe(1);
    expect(seen.console.filter((c) => /CORS/.test(c))).toEqual([]);
  });

  it('gets no session on a second origin, and the browser reports the CORS refusal', async () => {
    const { embedCode } = await widgetBot();
    const seen = await visit(otherOrigin, embedCode);
    expect(seen.outcome.type).toBe('error');
    expect(seen.buttons).toBe(0);
    // The preflight is refused, so the POST is never sent.
    expect(seen.sessionStatuses).toEqual([]);
    expect(seen.console.join('\n')).toMatch(new RegExp(`from origin '${otherOrigin}' has been blocked by CORS policy`));
    expect(seen.failed.join('\n')).toMatch(/\/widget\/v1\/sessions\?botId=\w+ net::ERR_FAILED/);
  });

  it('stops the old embed after regenerate, and a page with the new embed works', async () => {
    const { id, embedCode: oldEmbed } = await widgetBot();
    expect((await visit(allowedOrigin, oldEmbed)).outcome).toEqual({ type: 'ready' });
    const regenerated = await api('POST', `${team}/bots/${id}/widget/key/regenerate`);
    const before = await visit(allowedOrigin, oldEmbed);
    expect(before.outcome).toEqual({ type: 'error', status: 401 });
    expect(before.buttons).toBe(0);
    const after = await visit(allowedOrigin, regenerated.json.embedCode);
    expect(after.outcome).toEqual({ type: 'ready' });
    expect(after.buttons).toBe(1);
  });

  it('shows nothing for a disabled widget or a paused bot', async () => {
    const disabled = await widgetBot();
    await api('PUT', `${team}/bots/${disabled.id}/widget`, { enabled: false });
    const d = await visit(allowedOrigin, disabled.embedCode);
    expect([d.outcome, d.buttons]).toEqual([{ type: 'error', status: 403 }, 0]);
    expect(d.console.join('\n')).toMatch(/disabled/);

    const paused = await widgetBot();
    await pause(paused.id);
    const p = await visit(allowedOrigin, paused.embedCode);
    expect([p.outcome, p.buttons]).toEqual([{ type: 'error', status: 403 }, 0]);
    expect(p.console.join('\n')).toMatch(/paused/);
  });
});

/** Pauses a bot: the pause route when the runtime has it, else `active: false` in the runtime's table. */
async function pause(botId: string) {
  const r = await api('POST', `${team}/bots/${botId}/pause`);
  if (r.status === 200) return;
  expect(r.status).toBe(404);
  const { tableName } = JSON.parse(readFileSync(join(rt.dataDir, 'runtime.json'), 'utf8')) as { tableName: string };
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: botKey(rt.creds.teamId, botId),
      UpdateExpression: 'SET active = :f',
      ExpressionAttributeValues: { ':f': false },
    }),
  );
}
