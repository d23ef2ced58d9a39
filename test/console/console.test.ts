import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureConsoleBuilt } from '../../infra/local/console-assets.js';
import { consoleContext, launchChromium, screenshot, seriousViolations } from '../support/browser.js';
import { client, type Runtime, startRuntime } from '../support/runtime.js';
import { choose, clipboardText, dialog, flash, navigate, shown, storedKey, until } from './helpers.js';

/*
 * The console in headless Chromium against `npm start`'s runtime: what a team admin (and a member) sees and does on
 * each page. The runtime serves the built console at / on the API's port, as it does for a newcomer.
 */
// Each test walks several pages of a real browser against a real runtime; on a busy two-core machine that takes a while.
vi.setConfig({ testTimeout: 90_000 });

let rt: Runtime;
let browser: Browser;
let api: ReturnType<typeof client>;
let team: string;
let member: { email: string; key: string };
let bot: { id: string; name: string };

const CLONE_TEXT = (name: string) =>
  `Create a clone of “${name}” with the same settings? Calls, campaigns, and DID mappings will not be copied.`;
const REGENERATE_TEXT = 'Regenerate the widget key? Existing embeds will stop working immediately.';

async function createBot(body: Record<string, unknown>) {
  const r = await api('POST', `${team}/bots`, body);
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string; name: string };
}

async function createConnector(botId: string, name: string, environment: string) {
  const r = await api('POST', `${team}/bots/${botId}/connectors`, { name, environment, healthCheckUrl: `${rt.baseUrl}/health` });
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string; name: string };
}

/** A signed-in page for `key` (the sign-in link's way: the key in the fragment of the first URL). */
async function signedIn(key: string, path = '/bots'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await consoleContext(browser, rt.baseUrl);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error', e.message));
  await page.goto(`${rt.baseUrl}${path}#key=${key}`);
  await page.getByRole('navigation', { name: 'Side navigation' }).or(page.getByRole('navigation')).first().waitFor();
  return { context, page };
}

async function open(page: Page, path: string, heading: string | RegExp) {
  await navigate(page, path);
  await page.getByRole('heading', { name: heading }).first().waitFor();
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  [rt, browser] = await Promise.all([startRuntime(), launchChromium()]);
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
  bot = await createBot({
    name: 'Support bot',
    description: 'Answers the support line.',
    customPrompt: 'You help {{crm.name}} with their order.',
    analysisPrompt: 'Summarise: {{analysis.sentiment: string - how the caller felt}}',
  });
  const m = await api('POST', `${team}/members`, { email: 'agent@demo.example', role: 'member' });
  const k = await api('POST', `${team}/api-keys`, { name: 'agent key', memberId: m.json.id });
  member = { email: 'agent@demo.example', key: k.json.key };
});

afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

describe('sign in', () => {
  it('signs in with the link npm start prints, keeps the key in sessionStorage only, and signs out', async () => {
    const link = `${rt.baseUrl}/#key=${rt.creds.apiKey}`;
    expect(rt.output()).toContain(`console: ${link}`);
    const context = await consoleContext(browser, rt.baseUrl);
    const page = await context.newPage();
    await page.goto(rt.baseUrl);
    await page.getByRole('heading', { name: 'Sign in to botops' }).waitFor();
    await page.goto(link);
    await page.getByRole('heading', { name: /^Bots/ }).first().waitFor();
    expect(page.url()).toBe(`${rt.baseUrl}/bots`);
    expect(await storedKey(page)).toEqual([rt.creds.apiKey, 0]);
    await page.getByText('Signed in: Super admin').waitFor();
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to botops' }).waitFor();
    expect((await storedKey(page))[0]).toBeNull();

    await page.getByLabel('API key').fill('bo_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This API key is not valid').waitFor();
    await page.getByLabel('API key').fill(rt.creds.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Bots/ }).first().waitFor();
    await context.close();
  });
});

describe('bots', () => {
  it('pages through the bots with one API request per page', async () => {
    // 25 bots a page: the Support bot and 27 more make two pages.
    await Promise.all(Array.from({ length: 27 }, (_, j) => createBot({ name: `Paging bot ${String(j).padStart(2, '0')}` })));
    const { context, page } = await signedIn(rt.creds.apiKey, '/bots');
    const requests: string[] = [];
    page.on('request', (r) => r.url().includes('/bots?') && requests.push(r.url()));
    await page.reload();
    await page.getByRole('link', { name: 'Support bot' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Next page' }).click();
    await until(async () => (await page.locator('tbody tr').count()) < 25, 'page 2 shows the remaining bots');
    const firstPage = requests.filter((u) => !u.includes('cursor=')).length;
    const secondPage = requests.filter((u) => u.includes('cursor=')).length;
    expect([firstPage, secondPage]).toEqual([1, 1]);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByRole('link', { name: 'Support bot' }).waitFor();
    expect(requests).toHaveLength(2);
    await context.close();
  });

  it('creates a bot through the wizard; a validation error jumps back to its step and shows at the field', async () => {
    const { context, page } = await signedIn(rt.creds.apiKey, '/bots/new');
    await page.getByRole('heading', { name: 'Identity', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Wizard bot');
    for (const step of ['Instructions', 'Policy', 'Voice Pipeline', 'Behavior']) {
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: step, level: 1 }).waitFor();
    }
    await page.getByLabel('Maximum call duration (seconds)').fill('5');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Tools & Integrations', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Widget', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Create bot' }).click();
    // The API answers 400 with firstInvalidStep "behavior": the wizard goes back there.
    await page.getByRole('heading', { name: 'Behavior', level: 1 }).waitFor();
    await page.getByText('at least 30 seconds').first().waitFor();
    await screenshot(page, '06-wizard-validation-error');
    await page.getByLabel('Maximum call duration (seconds)').fill('120');
    await page
      .getByRole('button', { name: 'Skip to Widget' })
      .click()
      .catch(async () => {
        for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Continue' }).click();
      });
    await page.getByRole('heading', { name: 'Widget', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Create bot' }).click();
    await page.getByRole('heading', { name: 'Wizard bot', level: 1 }).waitFor();
    await flash(page, 'Created "Wizard bot".');
    const id = new URL(page.url()).pathname.split('/')[2]!;
    const saved = await api('GET', `${team}/bots/${id}`);
    expect([saved.json.name, saved.json.maxCallDurationSeconds]).toEqual(['Wizard bot', 120]);

    // Edit starts from the saved values and saves only what changed.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Identity', level: 1 }).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Wizard bot');
    await page.getByLabel('Industry').fill('Retail');
    await page.getByRole('button', { name: 'Skip to Widget' }).click();
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await flash(page, 'Saved "Wizard bot".');
    expect((await api('GET', `${team}/bots/${id}`)).json).toMatchObject({ industry: 'Retail', maxCallDurationSeconds: 120 });
    await context.close();
  });
});

describe('bot detail', () => {
  it('shows the Details cards and refreshes the post-call cache with a success message', async () => {
    const { context, page } = await signedIn(rt.creds.apiKey, `/bots/${bot.id}`);
    await page.getByRole('heading', { name: 'Support bot', level: 1 }).waitFor();
    for (const card of ['Post-Call Cache', 'Core Configuration', 'Behavior & Runtime', 'Advanced Features'])
      await page.getByRole('heading', { name: card }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Test Call' }).isDisabled()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Test in Browser' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Enable' }).click();
    await flash(page, 'Post-call cache enabled.');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await flash(page, 'Post-call cache refreshed: version 2.');
    await page.getByText(rt.creds.email, { exact: true }).last().waitFor();
    await context.close();
  });

  it('clone asks the seed question and opens the new bot; delete asks, then returns to the list', async () => {
    const source = await createBot({ name: 'Clone source' });
    const { context, page } = await signedIn(rt.creds.apiKey, `/bots/${source.id}`);
    await page.getByRole('heading', { name: 'Clone source', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Clone' }).click();
    const clone = await dialog(page, 'Clone bot');
    expect(await shown(clone.locator('[class*="awsui_content"]').first())).toBe(CLONE_TEXT('Clone source'));
    await clone.getByRole('button', { name: 'Clone' }).click();
    await page.getByRole('heading', { name: 'Clone source (copy)', level: 1 }).waitFor();
    const cloneId = new URL(page.url()).pathname.split('/')[2]!;
    expect(cloneId).not.toBe(source.id);
    expect((await api('GET', `${team}/bots/${cloneId}`)).json.name).toBe('Clone source (copy)');

    await page.getByRole('button', { name: 'Delete' }).click();
    const del = await dialog(page, 'Delete bot');
    expect(await shown(del)).toContain('Permanently delete “Clone source (copy)”?');
    await del.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`${rt.baseUrl}/bots`);
    await flash(page, 'Deleted "Clone source (copy)".');
    expect((await api('GET', `${team}/bots/${cloneId}`)).status).toBe(404);
    await context.close();
  });

  it('locks Edit and Delete while a campaign runs, with a banner linking to the campaign', async () => {
    const locked = await createBot({ name: 'Campaign bot' });
    const campaign = (await api('POST', `${team}/campaigns`, { name: 'Spring promo', botId: locked.id })).json as { id: string };
    const { context, page } = await signedIn(rt.creds.apiKey, `/campaigns/${campaign.id}`);
    await page.getByRole('heading', { name: 'Spring promo', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await flash(page, 'Started "Spring promo".');
    await open(page, `/bots/${locked.id}`, 'Campaign bot');
    await page.getByText('This bot is in use by running campaigns').waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
    await screenshot(page, '05-bot-locked');
    await page.getByRole('link', { name: 'Spring promo' }).click();
    await page.getByRole('heading', { name: 'Spring promo', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await flash(page, 'Stopped "Spring promo".');
    await open(page, `/bots/${locked.id}`, 'Campaign bot');
    await until(async () => !(await page.getByRole('button', { name: 'Edit' }).isDisabled()), 'Edit unlocked');
    expect(await page.getByText('This bot is in use by running campaigns').count()).toBe(0);
    await context.close();
  });

  it('integration: variables by namespace and the snippets copied with "Copied"', async () => {
    const { context, page } = await signedIn(rt.creds.apiKey, `/bots/${bot.id}?tab=integration`);
    await page.getByRole('heading', { name: 'Variable reference' }).waitFor();
    await page.getByText('{{crm.name}}', { exact: true }).first().waitFor();
    const integration = (await api('GET', `${team}/bots/${bot.id}/integration`)).json;
    await page.getByRole('tab', { name: 'Python' }).click();
    await page.getByRole('button', { name: 'Copy the Python snippet' }).click();
    await page.getByText('Copied').first().waitFor();
    expect(await clipboardText(page)).toBe(integration.snippets.python);
    await context.close();
  });

  it('web widget: domains as tags added with Enter, save, reveal and hide, regenerate after the seed question, copy', async () => {
    const { context, page } = await signedIn(rt.creds.apiKey, `/bots/${bot.id}?tab=widget`);
    await page.getByRole('heading', { name: 'Widget API key' }).waitFor();
    await page.getByLabel('Widget enabled').check();
    const input = page.getByLabel('Add an allowed domain');
    await input.fill('https://shop.example.com');
    await input.press('Enter');
    await input.fill('docs.example.com');
    await input.press('Enter');
    await page.getByRole('button', { name: 'Remove docs.example.com' }).click();
    await page.getByText('https://shop.example.com').waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await flash(page, 'Widget settings saved.');
    expect((await api('GET', `${team}/bots/${bot.id}/widget`)).json).toMatchObject({
      enabled: true,
      allowedDomains: ['https://shop.example.com'],
    });

    const masked = await shown(page.getByTestId('widget-key'));
    await page.getByRole('button', { name: 'Reveal' }).click();
    const clear = (await api('POST', `${team}/bots/${bot.id}/widget/key/reveal`)).json as { apiKey: string; embedCode: string };
    await until(async () => (await shown(page.getByTestId('widget-key'))) === clear.apiKey, 'the key in clear');
    await page.getByRole('button', { name: 'Copy the embed code' }).click();
    await page.getByText('Copied').first().waitFor();
    expect(await clipboardText(page)).toBe(clear.embedCode);
    await page.getByRole('button', { name: 'Hide' }).click();
    await until(async () => (await shown(page.getByTestId('widget-key'))) === masked, 'the masked key');

    await page.getByRole('button', { name: 'Regenerate' }).click();
    const regen = await dialog(page, 'Regenerate widget key');
    expect(await shown(regen.locator('[class*="awsui_content"]').first())).toBe(REGENERATE_TEXT);
    await regen.getByRole('button', { name: 'Regenerate' }).click();
    await flash(page, /A new widget key was created/);
    const rotated = (await api('POST', `${team}/bots/${bot.id}/widget/key/reveal`)).json.apiKey as string;
    expect(rotated).not.toBe(clear.apiKey);
    await until(async () => (await shown(page.getByTestId('widget-key'))) === rotated, 'the new key, visible');
    await screenshot(page, '04-bot-widget-regenerated');
    await context.close();
  });
});

describe('configure', () => {
  it('pauses and resumes the bot response, and the badge follows; reset asks first', async () => {
    const paused = await createBot({ name: 'Pause bot' });
    const { context, page } = await signedIn(rt.creds.apiKey, `/bots/${paused.id}/configure`);
    await page.getByRole('heading', { name: 'Configure Pause bot', level: 1 }).waitFor();
    await page.getByText('Changing the region may impact the bot').first().waitFor();
    await page.getByLabel('Disable bot response').click();
    await flash(page, '"Pause bot" is paused: it answers nobody.');
    await page.getByText('Inactive', { exact: true }).first().waitFor();
    expect((await api('GET', `${team}/bots/${paused.id}`)).json.active).toBe(false);
    await open(page, `/bots/${paused.id}`, 'Core Configuration');
    await page.getByText('Inactive', { exact: true }).first().waitFor();
    await open(page, `/bots/${paused.id}/configure`, 'Configure Pause bot');
    await page.getByLabel('Disable bot response').click();
    await flash(page, '"Pause bot" responds again.');
    await page.getByText('Active', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Reset bot' }).click();
    const reset = await dialog(page, 'Reset bot');
    expect(await shown(reset)).toContain('Reset “Pause bot”? All past flows, conversations, and data of this bot will be deleted.');
    await reset.getByRole('button', { name: 'Reset bot' }).click();
    await flash(page, /Reset "Pause bot"/);
    await context.close();
  });
});

describe('contacts', () => {
  it('sets a contact inactive with "Reactivate bot after" and shows its status', async () => {
    const { context, page } = await signedIn(rt.creds.apiKey, `/bots/${bot.id}/contacts`);
    await page.getByLabel('Contact id').fill('+14155550100');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { name: '+14155550100' }).waitFor();
    await choose(page, 'Bot status', 'Inactive');
    await page.getByLabel('Reactivate bot after').check();
    await page.getByLabel('Reactivate after, amount').fill('2');
    const before = Date.now();
    await page.getByRole('button', { name: 'Save status' }).click();
    await flash(page, /The bot is inactive for \+14155550100 until/);
    const status = (await api('GET', `${team}/bots/${bot.id}/contacts/+14155550100/bot-status`)).json;
    expect(status).toMatchObject({ status: 'inactive', reason: 'manual' });
    expect(Math.abs(Date.parse(status.reactivateAt) - (before + 2 * 3_600_000))).toBeLessThan(60_000);
    await page.getByText('Turned off by an agent').first().waitFor();
    const row = page.getByRole('row', { name: /\+14155550100/ });
    await row.getByText('Inactive').waitFor();
    await screenshot(page, '07-contact-inactive');

    await choose(page, 'Bot status', 'Active');
    await page.getByRole('button', { name: 'Save status' }).click();
    await flash(page, 'The bot is active for +14155550100.');
    await row.getByText('Active').waitFor();
    await context.close();
  });

  it('disables the control with the reason when the bot mode is neither Suggestive nor Auto-Pilot', async () => {
    const off = await createBot({ name: 'Off bot', mode: 'off' });
    const { context, page } = await signedIn(rt.creds.apiKey, `/bots/${off.id}/contacts/someone`);
    await page.getByText('only available when the bot operates in Suggestive or Auto-Pilot mode').first().waitFor();
    await context.close();
  });
});

describe('bot agents', () => {
  it('metrics follow the Environment filter and no other; bulk restart shows a result per row; stop asks Yes', async () => {
    const other = await createBot({ name: 'Agents bot' });
    const p1 = await createConnector(bot.id, 'prod-a', 'production');
    const p2 = await createConnector(bot.id, 'prod-b', 'production');
    const p3 = await createConnector(other.id, 'prod-c', 'production');
    await createConnector(bot.id, 'stage-a', 'staging');
    const { context, page } = await signedIn(rt.creds.apiKey, '/bot-agents');
    const total = () => shown(page.getByTestId('metric-total'));
    await page.getByRole('cell', { name: 'prod-a' }).waitFor();
    await until(async () => (await total()) === '3', 'production total');
    await choose(page, 'Bot', 'Agents bot');
    await until(async () => (await page.locator('tbody tr').count()) === 1, 'bot filter applied to the table');
    expect(await total()).toBe('3');
    await choose(page, 'Bot', 'All bots');
    await choose(page, 'Status', 'Online');
    await page.getByText('No agent connector matches these filters.').waitFor();
    expect(await total()).toBe('3');
    await choose(page, 'Status', 'All statuses');
    await choose(page, 'Environment', 'Staging');
    await until(async () => (await total()) === '1', 'staging total');
    await choose(page, 'Environment', 'Production');
    await page.getByRole('cell', { name: 'prod-a' }).waitFor();

    // A row deleted by someone else meanwhile fails on its own; the others restart.
    await page.getByRole('checkbox', { name: 'Select prod-a' }).check();
    await page.getByRole('checkbox', { name: 'Select prod-b' }).check();
    await page.getByRole('checkbox', { name: 'Select prod-c' }).check();
    expect((await api('DELETE', `${team}/connectors/${p3.id}`)).status).toBeLessThan(300);
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Restart Agents' }).click();
    await flash(page, 'Restarted 2 of 3 agents. See the result of each agent below.');
    await page
      .getByRole('row', { name: /prod-a/ })
      .getByText('Done', { exact: true })
      .waitFor();
    await page
      .getByRole('row', { name: /prod-b/ })
      .getByText('Done', { exact: true })
      .waitFor();
    const report = page.getByRole('table', { name: 'Results of Restart Agents' });
    await report
      .getByRole('row', { name: /prod-c/ })
      .getByText('Connector not found.')
      .waitFor();
    await report
      .getByRole('row', { name: /prod-a/ })
      .getByText('Done: Starting')
      .waitFor();
    await screenshot(page, '09-bot-agents-bulk-results');

    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Stop Agent' }).click();
    const stop = await dialog(page, 'Stop Agent');
    await stop.getByRole('button', { name: 'Yes' }).click();
    await flash(page, 'Stopped 2 of 2 agents.');
    expect((await api('GET', `${team}/connectors/${p1.id}`)).json.status).toBe('stopped');

    // Re-deploy one stopped agent: Environment drop-down, Save Settings, then Yes.
    await page.getByRole('checkbox', { name: 'Select prod-a' }).uncheck();
    await page
      .getByLabel('Select prod-c')
      .uncheck()
      .catch(() => undefined);
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Re-deploy Agent' }).click();
    const redeploy = await dialog(page, 'Re-deploy Agent');
    await choose(redeploy, 'Environment', 'Staging');
    await redeploy.getByRole('button', { name: 'Save Settings' }).click();
    const yes = page.getByRole('dialog', { name: 'Re-deploy Agent' });
    await yes.getByRole('button', { name: 'Yes' }).click();
    await flash(page, 'Re-deployed "prod-b" to Staging. Start the agent when you are ready.');
    expect((await api('GET', `${team}/connectors/${p2.id}`)).json.environment).toBe('staging');

    // A row click opens Edit Agent Connector: editable only while stopped.
    await page.getByRole('table', { name: 'Agent connectors' }).getByText('prod-a', { exact: true }).click();
    const edit = await dialog(page, 'Edit Agent Connector');
    await edit.getByRole('heading', { name: 'Health-check history' }).waitFor();
    await edit.getByLabel('Name').fill('prod-a renamed');
    await edit.getByRole('button', { name: 'Save' }).click();
    await flash(page, /Saved "prod-a renamed"/);
    expect((await api('POST', `${team}/connectors/${p1.id}/start`)).status).toBe(200);
    await page.reload();
    await page.getByRole('table', { name: 'Agent connectors' }).getByText('prod-a renamed', { exact: true }).click();
    const running = await dialog(page, 'Edit Agent Connector');
    await running.getByText('stop it to edit its connector').waitFor();
    expect(await running.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await context.close();
  });
});

describe('audit logs', () => {
  it('downloads the filtered audit log as CSV, with the progress shown, and its rows match the log', async () => {
    const { context, page } = await signedIn(rt.creds.apiKey, '/audit-logs');
    await page.getByRole('heading', { name: 'Audit logs' }).first().waitFor();
    await choose(page, 'Module', 'Bots');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await until(async () => (await shown(page.locator('tbody tr').first())).includes('Bots'), 'bots events');
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await (await download).path();
    await page.getByText(/rows exported/).waitFor();
    const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    let expected = 0;
    let cursor: string | null = null;
    do {
      const r = await api('GET', `${team}/audit-logs?module=bots&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expected += r.json.items.length;
      cursor = r.json.nextCursor;
    } while (cursor);
    expect(rows.length).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.module))).toEqual(new Set(['bots']));
    expect(rows.some((r) => r.bot_id === bot.id)).toBe(true);
    await context.close();
  });
});

describe('team', () => {
  it('creates an API key shown once with Copy, and revokes it', async () => {
    const { context, page } = await signedIn(rt.creds.apiKey, '/team');
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByRole('button', { name: 'Create API key' }).first().click();
    const create = await dialog(page, 'Create API key');
    await create.getByLabel('Name').fill('CRM');
    await create.getByRole('button', { name: 'Create API key' }).click();
    const shown = await dialog(page, 'API key "CRM"');
    await shown.getByRole('button', { name: 'Copy the API key' }).click();
    await page.getByText('Copied').first().waitFor();
    const key = await clipboardText(page);
    expect(key).toMatch(/^bo_/);
    expect((await client(rt.baseUrl, key)('GET', '/api/me')).status).toBe(200);
    await shown.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Revoke CRM' }).click();
    const revoke = await dialog(page, 'Revoke API key');
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await flash(page, 'Revoked "CRM". It no longer works.');
    expect((await client(rt.baseUrl, key)('GET', '/api/me')).status).toBeGreaterThanOrEqual(401);

    await page.getByRole('button', { name: 'Add member' }).click();
    const add = await dialog(page, 'Add member');
    await add.getByLabel('Email').fill('new.admin@demo.example');
    await choose(add, 'Role', 'Admin');
    await add.getByRole('button', { name: 'Add member' }).click();
    await flash(page, /Added new.admin@demo.example as Admin/);
    await page.getByRole('radio', { name: 'Select new.admin@demo.example' }).check();
    await page.getByRole('button', { name: 'Change role' }).click();
    const change = await dialog(page, 'Change role of new.admin@demo.example');
    await choose(change, 'Role', 'Member');
    await change.getByRole('button', { name: 'Change role' }).click();
    await flash(page, 'new.admin@demo.example is now Member.');
    await page.getByRole('button', { name: 'Remove' }).click();
    const remove = await dialog(page, 'Remove member');
    await remove.getByRole('button', { name: 'Remove' }).click();
    await flash(page, /Removed new.admin@demo.example/);
    await context.close();
  });
});

describe('roles', () => {
  it('a member sees the admin actions disabled, with the reason', async () => {
    const { context, page } = await signedIn(member.key, `/bots/${bot.id}`);
    await page.getByRole('heading', { name: 'Support bot', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Refresh' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Clone' }).isDisabled()).toBe(false);
    await open(page, `/bots/${bot.id}?tab=widget`, 'Widget API key');
    expect(await page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Reveal' }).isDisabled()).toBe(true);
    await open(page, `/bots/${bot.id}/configure`, /^Configure/);
    expect(await page.getByLabel('Disable bot response').isDisabled()).toBe(true);
    await page.getByText('Only admins can do this.').first().waitFor();
    expect(await page.getByRole('button', { name: 'Reset bot' }).isDisabled()).toBe(true);
    await screenshot(page, '13-member-configure');
    await open(page, '/bot-agents', 'Bot Agents');
    expect(await page.getByRole('button', { name: 'Actions' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add agent connector' }).isDisabled()).toBe(true);
    await open(page, '/team', 'Team');
    expect(await page.getByRole('button', { name: 'Add member' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Create API key' }).isDisabled()).toBe(true);
    await open(page, '/audit-logs', 'Audit logs');
    await page.getByText('Only admins can do this.').waitFor();
    await context.close();
  });
});

describe('every page', () => {
  it('has no serious or critical accessibility violation, and a screenshot of each is saved', async () => {
    const call = await api(
      'POST',
      `${team}/bots/${bot.id}/dialout`,
      { to: '+14155550123', variables: { crm: { name: 'Ada' } } },
      { 'Idempotency-Key': 'console-a11y' },
    );
    expect(call.status, call.text).toBe(202);
    const campaign = (await api('POST', `${team}/campaigns`, { name: 'Autumn promo', botId: bot.id })).json as { id: string };
    await api('POST', `${team}/phone-numbers`, { number: '+14155550999', botId: bot.id });
    const context = await consoleContext(browser, rt.baseUrl);
    const page = await context.newPage();
    const found: string[] = [];
    const check = async (name: string) => {
      await screenshot(page, name);
      for (const v of await seriousViolations(page)) found.push(`${name}: ${v}`);
    };
    await page.goto(rt.baseUrl);
    await page.getByRole('heading', { name: 'Sign in to botops' }).waitFor();
    await check('01-sign-in');
    await page.goto(`${rt.baseUrl}/bots#key=${rt.creds.apiKey}`);
    const pages: [string, string, string | RegExp][] = [
      ['02-bots', '/bots', /^Bots/],
      ['03-bot-details', `/bots/${bot.id}`, 'Core Configuration'],
      ['04-bot-integration', `/bots/${bot.id}?tab=integration`, 'Variable reference'],
      ['04-bot-widget', `/bots/${bot.id}?tab=widget`, 'Widget API key'],
      ['06-wizard', `/bots/${bot.id}/edit`, 'Identity'],
      ['08-configure', `/bots/${bot.id}/configure`, /^Configure/],
      ['07-contacts', `/bots/${bot.id}/contacts`, 'Contacts by status'],
      ['07-contact', `/bots/${bot.id}/contacts/+14155550100`, '+14155550100'],
      ['10-calls', `/bots/${bot.id}/calls`, /^Calls of/],
      ['10-call', `/calls/${call.json.callId}`, 'Post-call push attempts'],
      ['09-bot-agents', '/bot-agents', 'Custom Connectors'],
      ['11-campaigns', '/campaigns', 'Campaigns'],
      ['11-campaign', `/campaigns/${campaign.id}`, 'Autumn promo'],
      ['11-phone-numbers', '/phone-numbers', 'Phone numbers'],
      ['12-audit-logs', '/audit-logs', 'Audit logs'],
      ['13-team', '/team', 'API keys'],
    ];
    for (const [name, path, heading] of pages) {
      await navigate(page, path);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await until(
        async () =>
          (await page
            .getByText(/^Loading/)
            .filter({ visible: true })
            .count()) === 0,
        `${name} loaded`,
      );
      await check(name);
    }
    await page.goto(`${rt.baseUrl}/bot-agents`);
    await page.locator('tbody tr').first().locator('td').nth(1).click();
    await dialog(page, 'Edit Agent Connector');
    await check('09-edit-agent-connector');
    expect(found).toEqual([]);
    await context.close();
  }, 180_000);
});
