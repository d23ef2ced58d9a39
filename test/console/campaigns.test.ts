import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureConsoleBuilt } from '../../infra/local/console-assets.js';
import { consoleContext, launchChromium, screenshot, seriousViolations } from '../support/browser.js';
import { client, type Runtime, startRuntime } from '../support/runtime.js';
import { choose, dialog, flash, navigate, shown, until } from './helpers.js';

/*
 * The campaign, do-not-call and team settings screens in headless Chromium against `npm start`'s runtime: what a
 * team admin does there, what a member may only read, and axe on each page.
 */
vi.setConfig({ testTimeout: 90_000 });

let rt: Runtime;
let browser: Browser;
let api: ReturnType<typeof client>;
let team: string;
let memberKey: string;
let botId: string;
const violations: string[] = [];

/** A signed-in page for `key` (the sign-in link's way: the key in the fragment of the first URL). */
async function signedIn(key: string, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await consoleContext(browser, rt.baseUrl);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error', e.message));
  await page.goto(`${rt.baseUrl}${path}#key=${key}`);
  await page.getByRole('navigation').first().waitFor();
  return { context, page };
}

/** Saves the page's screenshot and keeps axe's serious and critical violations for the test to report at its end. */
async function check(page: Page, name: string) {
  await until(
    async () =>
      (await page
        .getByText(/^Loading/)
        .filter({ visible: true })
        .count()) === 0,
    `${name} loaded`,
  );
  await screenshot(page, name);
  for (const v of await seriousViolations(page)) violations.push(`${name}: ${v}`);
}

/** What a screen reader announces with a field: the texts its aria-describedby points at (its error among them). */
async function description(field: Locator): Promise<string> {
  return field.evaluate((el) => {
    const doc = (globalThis as any).document;
    return (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id: string) => doc.getElementById(id)?.innerText ?? '')
      .join(' ');
  });
}

/** The value shown next to a KeyValuePairs label. */
async function pairValue(page: Page, label: string): Promise<string> {
  const pair = page.locator('dt', { hasText: new RegExp(`^${label}$`) }).first();
  return shown(pair.locator('xpath=following-sibling::dd[1]'));
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  [rt, browser] = await Promise.all([startRuntime(), launchChromium()]);
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
  const bot = await api('POST', `${team}/bots`, { name: 'Outbound bot', timezone: 'Europe/Paris' });
  expect(bot.status, bot.text).toBe(201);
  botId = bot.json.id;
  const m = await api('POST', `${team}/members`, { email: 'caller@demo.example', role: 'member' });
  memberKey = (await api('POST', `${team}/api-keys`, { name: 'caller key', memberId: m.json.id })).json.key;
});

afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

describe('campaign detail', () => {
  it('edits the dialling settings (errors at their field), adds pasted contacts, shows progress and filters contacts', async () => {
    const created = await api('POST', `${team}/campaigns`, { name: 'Winter renewals', botId });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    const { context, page } = await signedIn(rt.creds.apiKey, `/campaigns/${id}`);
    await page.getByRole('heading', { name: 'Winter renewals', level: 1 }).waitFor();
    expect(await pairValue(page, 'Calling window')).toBe('Mon–Fri, 09:00–20:00 in each contact’s time zone');
    expect(await pairValue(page, 'Retry delays')).toBe(
      'No answer: After 1 hour\nBusy: After 10 minutes\nVoicemail: After 4 hours\nFailed: No retry',
    );
    expect(await pairValue(page, 'Max attempts per contact')).toBe('3');

    await page.getByRole('button', { name: 'Edit settings' }).click();
    await page.getByRole('heading', { name: 'Edit settings of Winter renewals', level: 1 }).waitFor();
    await page.getByLabel('Until', { exact: true }).fill('08:00');
    await page.getByLabel('Max attempts per contact').fill('2');
    await page.getByLabel('Retry after busy: amount').fill('5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    // The flash names the field; the server's message also shows at the field it names, and is announced with it.
    await flash(page, 'Could not save the settings');
    await flash(page, 'callingWindow.end: must be after start (a window does not span midnight)');
    await page.getByText('must be after start (a window does not span midnight)', { exact: true }).waitFor();
    expect(await description(page.getByLabel('Until', { exact: true }))).toContain('must be after start (a window does not span midnight)');
    expect(await description(page.getByLabel('From', { exact: true }))).not.toContain('must be after start');
    await check(page, '21-campaign-settings-error');

    await page.getByLabel('Until', { exact: true }).fill('18:30');
    await page.getByLabel('Sat').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await flash(page, 'Saved the settings of "Winter renewals".');
    await page.getByRole('heading', { name: 'Winter renewals', level: 1 }).waitFor();
    await until(async () => (await pairValue(page, 'Max attempts per contact')) === '2', 'the saved settings show');
    expect(await pairValue(page, 'Calling window')).toBe('Mon–Sat, 09:00–18:30 in each contact’s time zone');
    expect(await pairValue(page, 'Retry delays')).toContain('Busy: After 5 minutes');
    expect((await api('GET', `${team}/campaigns/${id}`)).json).toMatchObject({
      maxAttempts: 2,
      callingWindow: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '09:00', end: '18:30' },
      retry: { no_answer: 'PT1H', busy: 'PT5M', voicemail: 'PT4H', failed: null },
    });

    await page.getByRole('button', { name: 'Add contacts' }).first().click();
    const add = await dialog(page, 'Add contacts');
    await add
      .getByLabel('Contacts', { exact: true })
      .fill(
        [
          'phone,timezone,externalId',
          '+14155550101,America/Los_Angeles,crm-1',
          '+44 20 7183 8750',
          '+33142685300,Europe/Paris',
          'call me maybe',
          '+14155550101',
        ].join('\n'),
      );
    await add.getByRole('button', { name: 'Add 5 contacts' }).click();
    await add.getByText('Added 3, duplicates 1, rejected 1.').waitFor();
    const rejected = add.getByRole('table', { name: 'Rejected lines' });
    expect(await shown(rejected.locator('tbody tr'))).toMatch(
      /^5\s+call me maybe\s+phone: must be a valid phone number in E\.164, e\.g\. \+14155550123$/,
    );
    await flash(page, 'Added 3 contacts to "Winter renewals" (1 duplicate, 1 rejected).');
    expect(await add.getByLabel('Contacts', { exact: true }).inputValue()).toBe('call me maybe');
    await check(page, '22-campaign-add-contacts');
    await add.getByRole('button', { name: 'Close', exact: true }).click();

    const contacts = page.getByRole('table', { name: 'Campaign contacts' });
    await until(async () => (await contacts.locator('tbody tr').count()) === 3, 'three contacts listed');
    const first = await shown(contacts.locator('tbody tr', { hasText: '+14155550101' }));
    expect(first).toMatch(/\+14155550101\s+America\/Los_Angeles\s+Pending\s+0\s+.+\s+--\s+crm-1/);
    expect(await shown(contacts.locator('tbody tr', { hasText: '+442071838750' }))).toContain('Campaign default');
    await until(async () => (await pairValue(page, 'Total')) === '3', 'progress counts the contacts');
    expect(await pairValue(page, 'Pending')).toBe('3');
    expect(await pairValue(page, 'Completed')).toBe('0');
    await page.getByText('0 / 3 final').first().waitFor();

    await choose(page, 'Filter by status', 'Completed');
    await contacts.getByText('No completed contacts').waitFor();
    await choose(page, 'Filter by status', 'Pending');
    await until(async () => (await contacts.locator('tbody tr').count()) === 3, 'the pending contacts listed');
    await check(page, '20-campaign-detail');

    // While it runs, the settings cannot be edited, and the reason says why.
    await page.getByRole('button', { name: 'Start' }).click();
    await flash(page, 'Started "Winter renewals".');
    expect(await page.getByRole('button', { name: 'Edit settings' }).isDisabled()).toBe(true);
    await page.getByText('Refreshed every few seconds while the campaign runs.').waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await flash(page, 'Stopped "Winter renewals".');

    await navigate(page, '/campaigns');
    const row = page.locator('tbody tr', { hasText: 'Winter renewals' });
    await row.waitFor();
    expect(await shown(row)).toContain('0 / 3 final');
    expect(violations.splice(0)).toEqual([]);
    await context.close();
  });

  it('shows a stale save (412) as an error message and keeps the form', async () => {
    const id = (await api('POST', `${team}/campaigns`, { name: 'Stale edit', botId })).json.id as string;
    const { context, page } = await signedIn(rt.creds.apiKey, `/campaigns/${id}/edit`);
    await page.getByRole('heading', { name: 'Edit settings of Stale edit', level: 1 }).waitFor();
    const got = await api('GET', `${team}/campaigns/${id}`);
    expect(
      (await api('PATCH', `${team}/campaigns/${id}`, { maxAttempts: 4 }, { 'If-Match': got.headers.get('etag') as string })).status,
    ).toBe(200);
    await page.getByLabel('Max concurrent calls').fill('7');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await flash(page, 'Could not save the settings');
    await page.getByRole('heading', { name: 'Edit settings of Stale edit', level: 1 }).waitFor();
    expect((await api('GET', `${team}/campaigns/${id}`)).json).toMatchObject({ maxAttempts: 4, maxConcurrentCalls: 5 });
    await context.close();
  });
});

describe('do-not-call list', () => {
  it('an admin adds numbers, sees them and removes one after confirming; a member only reads it', async () => {
    const { context, page } = await signedIn(rt.creds.apiKey, '/team/dnc');
    await page.getByRole('heading', { name: 'Do-not-call list', level: 1 }).waitFor();
    // The side navigation's Team section leads here.
    expect(
      await page.getByRole('group', { name: 'Team' }).getByRole('link', { name: 'Do-not-call list' }).getAttribute('aria-current'),
    ).toBe('page');
    await page.getByRole('button', { name: 'Add numbers' }).click();
    const add = await dialog(page, 'Add numbers to the do-not-call list');
    await add.getByLabel('Numbers', { exact: true }).fill('+1 415 555 0199\n+442071838751\nnot a number');
    await add.getByLabel('Reason').fill('asked us to stop');
    await add.getByRole('button', { name: 'Add numbers' }).click();
    await add.getByText('Line 3 (not a number): must be a valid phone number in E.164, e.g. +14155550123').waitFor();
    await add.getByLabel('Numbers', { exact: true }).fill('+1 415 555 0199\n+442071838751');
    await add.getByRole('button', { name: 'Add numbers' }).click();
    await flash(page, 'Added 2 numbers to the do-not-call list.');
    const rows = page.locator('tbody tr');
    await until(async () => (await rows.count()) === 2, 'two numbers listed');
    const listed = await shown(rows.filter({ hasText: '+14155550199' }));
    expect(listed).toContain('asked us to stop');
    expect(listed).toContain(rt.creds.email);
    await check(page, '23-dnc');

    await page.getByRole('button', { name: 'Remove +14155550199' }).click();
    const confirm = await dialog(page, 'Remove from the do-not-call list');
    expect(await shown(confirm)).toContain('Remove +14155550199 from the do-not-call list?');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await flash(page, 'Removed +14155550199 from the do-not-call list.');
    await until(async () => (await rows.count()) === 1, 'one number left');
    expect(await shown(rows.first())).toContain('+442071838751');
    await context.close();

    const asMember = await signedIn(memberKey, '/team/dnc');
    await asMember.page.getByRole('cell', { name: '+442071838751' }).waitFor();
    expect(await asMember.page.getByRole('button', { name: 'Add numbers' }).isDisabled()).toBe(true);
    expect(await asMember.page.getByRole('button', { name: 'Remove +442071838751' }).isDisabled()).toBe(true);
    await asMember.page.getByText('Only admins can do this. Ask an admin to add or remove numbers.').waitFor();
    await check(asMember.page, '23-dnc-member');
    expect(violations.splice(0)).toEqual([]);
    await asMember.context.close();
  });
});

describe('team settings', () => {
  it('an admin changes the ceiling; a member sees it read-only with the reason', async () => {
    const { context, page } = await signedIn(rt.creds.apiKey, '/team/settings');
    await page.getByRole('heading', { name: 'Team settings', level: 1 }).waitFor();
    const ceiling = page.getByLabel('Max concurrent calls');
    expect(await ceiling.inputValue()).toBe('10');
    await ceiling.fill('0');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await flash(page, 'Could not save the settings');
    expect(await description(ceiling)).toContain('at least 1');
    await ceiling.fill('25');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await flash(page, 'Saved: the team makes at most 25 calls at once.');
    expect((await api('GET', `${team}/settings`)).json.maxConcurrentCalls).toBe(25);
    await check(page, '24-team-settings');
    await context.close();

    const asMember = await signedIn(memberKey, '/team/settings');
    await asMember.page.getByRole('heading', { name: 'Team settings', level: 1 }).waitFor();
    const readOnly = asMember.page.getByLabel('Max concurrent calls');
    await until(async () => (await readOnly.inputValue()) === '25', 'the ceiling shows');
    expect(await readOnly.getAttribute('readonly')).not.toBeNull();
    expect(await asMember.page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    await asMember.page.getByText('Only admins can do this. Ask an admin to change the team’s ceiling.').waitFor();
    await check(asMember.page, '24-team-settings-member');
    expect(violations.splice(0)).toEqual([]);
    await asMember.context.close();
  });
});
