import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWithinWindow } from '../../shared/domain/campaigns/schedule.js';
import { client, type Runtime, startRuntime } from '../support/runtime.js';

/**
 * A campaign that really dials, on `npm start`'s runtime with the telephony simulator: 200 contacts in 8 zones,
 * some on the DNC list, a team ceiling below the campaign's, second-scale retries and an `endAt` a minute ahead.
 */
let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;

beforeAll(async () => {
  rt = await startRuntime({
    env: {
      LOCAL_TELEPHONY: 'simulate',
      LOCAL_TELEPHONY_OUTCOMES: 'completed:60,no_answer:25,busy:10,voicemail:5',
      LOCAL_TELEPHONY_DELAYS_MS: '50,50,250',
      CAMPAIGN_DISPATCH_INTERVAL_MS: '500',
      OUTBOX_RELAY_INTERVAL_SECONDS: '1',
    },
  });
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
});
afterAll(() => rt?.stop());

const ZONES = [
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
];
const WINDOW = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as ('mon' | 'tue')[], start: '08:00', end: '20:00' };
const RETRY_MS = 2000;
const TEAM_CEILING = 6;
const CAMPAIGN_CEILING = 10;

type Envelope = { 'detail-type': string; time: string; detail: Record<string, any> };
const events = (): Envelope[] =>
  existsSync(join(rt.dataDir, 'events.jsonl'))
    ? readFileSync(join(rt.dataDir, 'events.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : [];

describe('a campaign on the local runtime with the telephony simulator', () => {
  it('dials every contact within its window, never a DNC number, never above either ceiling, retries as configured, and completes', async () => {
    const bot = await api('POST', `${team}/bots`, { name: 'Dialler', customPrompt: 'Hello {{crm.first_name}}.' });
    expect((await api('PUT', `${team}/settings`, { maxConcurrentCalls: TEAM_CEILING })).status).toBe(200);
    const endAt = new Date(Date.now() + 60_000).toISOString();
    const c = await api('POST', `${team}/campaigns`, {
      name: 'Two hundred',
      botId: bot.json.id,
      callingWindow: WINDOW,
      maxConcurrentCalls: CAMPAIGN_CEILING,
      maxAttempts: 3,
      retry: { no_answer: 'PT2S', busy: 'PT2S', voicemail: 'PT2S', failed: null },
      endAt,
    });
    expect(c.status).toBe(201);
    const campaignId = c.json.id as string;
    const contacts = Array.from({ length: 200 }, (_, i) => ({
      phone: `+1415555${String(2000 + i).padStart(4, '0')}`,
      timezone: ZONES[i % ZONES.length],
      variables: { crm: { first_name: `Contact ${i}` } },
    }));
    const zoneOf = new Map(contacts.map((x) => [x.phone, x.timezone as string]));
    const added = await api('POST', `${team}/campaigns/${campaignId}/contacts`, { contacts });
    expect(added.json).toMatchObject({ added: 200, duplicates: 0, rejected: [] });
    const dnc = contacts.filter((_, i) => i % 20 === 0).map((x) => x.phone);
    expect((await api('POST', `${team}/dnc`, { numbers: dnc, reason: 'test' })).json).toEqual({ added: dnc.length });
    // a single dialout to a DNC number answers 409 (type .../dnc) and is audited
    const refused = await api('POST', `${team}/bots/${bot.json.id}/dialout`, { to: dnc[0], variables: { crm: { first_name: 'X' } } });
    expect(refused.status).toBe(409);
    expect(refused.json.type).toMatch(/\/dnc$/);

    expect((await api('POST', `${team}/campaigns/${campaignId}/start`)).json.status).toBe('running');
    const samples: { team: number; campaign: number }[] = [];
    let done = false;
    const sampler = (async () => {
      while (!done) {
        const [s, g] = await Promise.all([api('GET', `${team}/settings`), api('GET', `${team}/campaigns/${campaignId}`)]);
        samples.push({ team: s.json.inFlight, campaign: g.json.inFlight });
        if (g.json.status === 'completed') done = true;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    // `endAt` is a minute ahead: by then every contact is final or exhausted; the rest is room for a loaded machine.
    const deadline = Date.now() + 150_000;
    while (!done && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    done = true;
    await sampler;

    const final = (await api('GET', `${team}/campaigns/${campaignId}`)).json;
    expect(final.status).toBe('completed');
    expect(final.progress.pending + final.progress.scheduled + final.progress.dialing).toBe(0);
    expect(final.progress.total).toBe(200);
    expect(final.inFlight).toBe(0);
    expect((await api('GET', `${team}/settings`)).json.inFlight).toBe(0);
    expect((await api('GET', `${team}/bots/${bot.json.id}`)).json.lockedByCampaigns).toEqual([]);
    expect(samples.length).toBeGreaterThan(10);
    expect(Math.max(...samples.map((s) => s.team))).toBeLessThanOrEqual(TEAM_CEILING);
    expect(Math.max(...samples.map((s) => s.campaign))).toBeLessThanOrEqual(CAMPAIGN_CEILING);
    expect(Math.max(...samples.map((s) => s.team))).toBeGreaterThan(1);

    const all = events();
    const requested = all.filter((e) => e['detail-type'] === 'CallRequested' && e.detail.campaignId === campaignId);
    expect(requested.length).toBeGreaterThan(0);
    // zero dials outside the contact's window, zero to a DNC number
    const outside = requested.filter((e) => !isWithinWindow(WINDOW, zoneOf.get(e.detail.to) as string, Date.parse(e.detail.queuedAt)));
    expect(outside).toEqual([]);
    expect(requested.filter((e) => dnc.includes(e.detail.to))).toEqual([]);
    // every CallRequested got its CallEnded
    const ended = new Set(all.filter((e) => e['detail-type'] === 'CallEnded').map((e) => e.detail.callId));
    expect(requested.filter((e) => !ended.has(e.detail.callId))).toEqual([]);

    // retries spaced as configured, at most maxAttempts, each attempt numbered
    const byPhone = new Map<string, Envelope[]>();
    for (const e of requested) byPhone.set(e.detail.to, [...(byPhone.get(e.detail.to) ?? []), e]);
    let retried = 0;
    for (const [, calls] of byPhone) {
      expect(calls.length).toBeLessThanOrEqual(3);
      expect(calls.map((e) => e.detail.attempt)).toEqual(calls.map((_, i) => i + 1));
      for (let i = 1; i < calls.length; i++) {
        const previous = await api('GET', `${team}/calls/${calls[i - 1]!.detail.callId}`);
        expect(Date.parse(calls[i]!.detail.queuedAt) - Date.parse(previous.json.endedAt)).toBeGreaterThanOrEqual(RETRY_MS - 50);
        retried++;
      }
    }
    expect(retried).toBeGreaterThan(0);

    // each contact's final status tells its story
    const list = async (status: string) =>
      (await api('GET', `${team}/campaigns/${campaignId}/contacts?status=${status}&limit=100`)).json.items;
    const skipped = await list('skipped_dnc');
    expect(skipped.every((x: { phone: string; callIds: string[] }) => dnc.includes(x.phone) && x.callIds.length === 0)).toBe(true);
    const exhausted = await list('exhausted');
    for (const x of exhausted)
      if (x.callIds.length === 0) expect(isWithinWindow(WINDOW, zoneOf.get(x.phone) as string, Date.now())).toBe(false);
    expect(final.progress.completed + final.progress.failed + final.progress.exhausted + final.progress.skipped_dnc).toBe(200);
  }, 200_000);
});
