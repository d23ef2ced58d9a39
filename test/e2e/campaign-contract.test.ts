import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Runtime, startRuntime } from '../support/runtime.js';

/**
 * The campaign, contact, DNC and team settings routes over HTTP against `npm start`'s runtime, as the console and a
 * CRM use them; every 2xx body is checked against its documented schema by `client()`.
 */
let rt: Runtime;
let api: ReturnType<typeof client>;
let asMember: ReturnType<typeof client>;
let team: string;

beforeAll(async () => {
  rt = await startRuntime();
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
  const member = await api('POST', `${team}/members`, { email: `member-${Date.now()}@campaigns.test`, role: 'member' });
  asMember = client(rt.baseUrl, (await api('POST', `${team}/api-keys`, { name: 'member', memberId: member.json.id })).json.key);
});
afterAll(() => rt?.stop());

async function newBot(extra: Record<string, unknown> = {}) {
  const r = await api('POST', `${team}/bots`, {
    name: 'Caller',
    customPrompt: 'Call {{crm.first_name}} about {{crm.plan}}.',
    timezone: 'Europe/Paris',
    ...extra,
  });
  expect(r.status).toBe(201);
  return r.json.id as string;
}
let numberSeq = 100;
const freshNumber = () => `+1415555${String(1000 + numberSeq++).slice(-4)}`;

describe('campaign settings', () => {
  it('creates with { name, botId } alone and shows the defaults and empty progress', async () => {
    const botId = await newBot();
    const r = await asMember('POST', `${team}/campaigns`, { name: 'Renewals', botId });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      name: 'Renewals',
      botId,
      status: 'stopped',
      fromNumber: null,
      callingWindow: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '20:00' },
      defaultTimezone: null,
      maxConcurrentCalls: 5,
      maxAttempts: 3,
      retry: { no_answer: 'PT1H', busy: 'PT10M', voicemail: 'PT4H', failed: null },
      startAt: null,
      endAt: null,
      progress: { total: 0, pending: 0, scheduled: 0, dialing: 0, completed: 0, failed: 0, exhausted: 0, skipped_dnc: 0 },
      inFlight: 0,
    });
  });

  it('takes every setting on create; fromNumber must be a team number mapped to the bot (400 naming it)', async () => {
    const botId = await newBot();
    const other = await newBot();
    const mine = freshNumber();
    const theirs = freshNumber();
    expect((await api('POST', `${team}/phone-numbers`, { number: mine, botId })).status).toBe(201);
    expect((await api('POST', `${team}/phone-numbers`, { number: theirs, botId: other })).status).toBe(201);
    const settings = {
      fromNumber: mine,
      callingWindow: { days: ['sat', 'sun'], start: '10:00', end: '16:30' },
      defaultTimezone: 'america/new_york',
      maxConcurrentCalls: 20,
      maxAttempts: 5,
      retry: { busy: 'PT5M', failed: 'PT1H' },
      startAt: '2030-01-01T09:00:00Z',
      endAt: '2030-02-01T09:00:00+01:00',
    };
    const r = await api('POST', `${team}/campaigns`, { name: 'Weekend', botId, ...settings });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      ...settings,
      defaultTimezone: 'America/New_York',
      retry: { no_answer: 'PT1H', busy: 'PT5M', voicemail: 'PT4H', failed: 'PT1H' },
    });

    for (const [fromNumber, message] of [
      [theirs, "mapped to another bot, not the campaign's"],
      ['+14155559876', "not one of the team's phone numbers"],
    ]) {
      const bad = await api('POST', `${team}/campaigns`, { name: 'Bad', botId, fromNumber });
      expect(bad.status).toBe(400);
      expect(bad.json.errors).toEqual([{ path: 'fromNumber', message }]);
    }
    const invalid = await api('POST', `${team}/campaigns`, {
      name: 'Bad',
      botId,
      callingWindow: { days: ['mon', 'mon'], start: '20:00', end: '09:00' },
      maxConcurrentCalls: 101,
      maxAttempts: 0,
      retry: { busy: 'soon' },
      defaultTimezone: 'Mars/Olympus',
      startAt: '2030-01-02T00:00:00Z',
      endAt: '2030-01-01T00:00:00Z',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'callingWindow.days',
      'callingWindow.end',
      'defaultTimezone',
      'endAt',
      'maxAttempts',
      'maxConcurrentCalls',
      'retry.busy',
    ]);
  });

  it('PATCH edits a stopped campaign (If-Match, audited) and answers 409 while it runs', async () => {
    const botId = await newBot();
    const c = (await api('POST', `${team}/campaigns`, { name: 'Edit me', botId })).json;
    const got = await api('GET', `${team}/campaigns/${c.id}`);
    const etag = got.headers.get('etag') as string;
    const patched = await asMember(
      'PATCH',
      `${team}/campaigns/${c.id}`,
      { maxAttempts: 2, retry: { no_answer: 'PT2S' } },
      { 'If-Match': etag },
    );
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: 'Edit me', maxAttempts: 2, retry: { no_answer: 'PT2S', busy: 'PT10M' } });
    expect(patched.headers.get('etag')).not.toBe(etag);
    expect((await api('PATCH', `${team}/campaigns/${c.id}`, { name: 'Stale' }, { 'If-Match': etag })).status).toBe(412);
    expect((await api('PATCH', `${team}/campaigns/${c.id}`, { botId })).status).toBe(400);

    expect((await api('POST', `${team}/campaigns/${c.id}/start`)).json.status).toBe('running');
    const running = await api('PATCH', `${team}/campaigns/${c.id}`, { name: 'Too late' });
    expect(running.status).toBe(409);
    expect((await api('POST', `${team}/campaigns/${c.id}/stop`)).json.status).toBe('stopped');
    const audit = await api('GET', `${team}/audit-logs?module=campaigns&action=update`);
    expect(audit.json.items.find((e: { targetId: string }) => e.targetId === c.id).changes).toEqual({
      maxAttempts: { before: 3, after: 2 },
      retry: {
        before: { no_answer: 'PT1H', busy: 'PT10M', voicemail: 'PT4H', failed: null },
        after: { no_answer: 'PT2S', busy: 'PT10M', voicemail: 'PT4H', failed: null },
      },
    });
  });
});

describe('campaign contacts', () => {
  it('adds valid contacts, counts duplicates, rejects each bad one naming the field, and shows progress', async () => {
    const botId = await newBot();
    const c = (await api('POST', `${team}/campaigns`, { name: 'Audience', botId })).json;
    const crm = { first_name: 'Ada', plan: 'Gold' };
    const r = await asMember('POST', `${team}/campaigns/${c.id}/contacts`, {
      contacts: [
        { phone: '+1 (415) 555-0101', timezone: 'america/los_angeles', externalId: 'crm-1', variables: { crm } },
        { phone: '+14155550101', variables: { crm } },
        { phone: '+33142685300', variables: { crm } },
        { phone: '+1415555', variables: { crm } },
        { phone: '+442071838750', timezone: 'Mars/Olympus', variables: { crm: { first_name: 'Bo' } } },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      added: 2,
      duplicates: 1,
      rejected: [
        { index: 3, errors: [{ path: 'phone', message: 'must be a valid phone number in E.164, e.g. +14155550123' }] },
        {
          index: 4,
          errors: [
            { path: 'timezone', message: 'must be an IANA time zone, e.g. Europe/Paris' },
            { path: 'variables.crm.plan', message: 'required: the bot uses {{crm.plan}}' },
          ],
        },
      ],
    });
    const again = await api('POST', `${team}/campaigns/${c.id}/contacts`, {
      contacts: [{ phone: '+33 1 42 68 53 00', variables: { crm } }],
    });
    expect(again.json).toEqual({ added: 0, duplicates: 1, rejected: [] });

    const got = await api('GET', `${team}/campaigns/${c.id}`);
    expect(got.json.progress).toMatchObject({ total: 2, pending: 2, completed: 0 });
    const list = await api('GET', `${team}/campaigns/${c.id}/contacts?status=pending&limit=1`);
    expect(list.json.items).toEqual([
      expect.objectContaining({
        phone: '+14155550101',
        timezone: 'America/Los_Angeles',
        externalId: 'crm-1',
        status: 'pending',
        attempts: 0,
        lastOutcome: null,
        callIds: [],
      }),
    ]);
    const next = await api('GET', `${team}/campaigns/${c.id}/contacts?status=pending&cursor=${list.json.nextCursor}`);
    expect(next.json.items.map((i: { phone: string }) => i.phone)).toEqual(['+33142685300']);
    expect((await api('GET', `${team}/campaigns/${c.id}/contacts?status=completed`)).json.items).toEqual([]);
    expect((await api('GET', `${team}/campaigns/${c.id}/contacts?status=bogus`)).status).toBe(400);
    expect((await api('POST', `${team}/campaigns/${c.id}/contacts`, { contacts: [] })).status).toBe(400);

    // deleting the campaign takes its contacts with it: nothing of it is readable
    expect((await api('DELETE', `${team}/campaigns/${c.id}`)).status).toBe(204);
    expect((await api('GET', `${team}/campaigns/${c.id}/contacts`)).status).toBe(404);
  });
});

describe('DNC list', () => {
  it('adds (admin, audited, normalised, deduplicated), lists and removes numbers', async () => {
    const denied = await asMember('POST', `${team}/dnc`, { numbers: ['+14155550199'] });
    expect(denied.status).toBe(403);
    const r = await api('POST', `${team}/dnc`, {
      numbers: ['+1 415 555 0199', '+14155550199', '+442071838751'],
      reason: 'asked us to stop',
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ added: 2 });
    expect((await api('POST', `${team}/dnc`, { numbers: ['+14155550199'] })).json).toEqual({ added: 0 });
    const bad = await api('POST', `${team}/dnc`, { numbers: ['+14155550199', 'call me'] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('numbers[1]');

    const list = await asMember('GET', `${team}/dnc`);
    expect(list.json.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ number: '+14155550199', reason: 'asked us to stop', addedBy: rt.creds.email })]),
    );
    const audit = await api('GET', `${team}/audit-logs?module=dnc`);
    expect(audit.json.items[0]).toMatchObject({
      action: 'add',
      changes: { numbers: { before: null, after: ['+14155550199', '+442071838751'] } },
    });

    expect((await asMember('DELETE', `${team}/dnc/%2B14155550199`)).status).toBe(403);
    expect((await api('DELETE', `${team}/dnc/%2B14155550199`)).status).toBe(204);
    expect((await api('DELETE', `${team}/dnc/%2B14155550199`)).status).toBe(404);
    expect((await api('DELETE', `${team}/dnc/notanumber`)).status).toBe(400);
  });
});

describe('team settings', () => {
  it('defaults to 10 calls in flight; an admin changes it (audited, If-Match)', async () => {
    const got = await asMember('GET', `${team}/settings`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ maxConcurrentCalls: 10, inFlight: 0 });
    expect((await asMember('PUT', `${team}/settings`, { maxConcurrentCalls: 3 })).status).toBe(403);
    expect((await api('PUT', `${team}/settings`, { maxConcurrentCalls: 0 })).status).toBe(400);
    const put = await api('PUT', `${team}/settings`, { maxConcurrentCalls: 25 }, { 'If-Match': got.headers.get('etag') as string });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ maxConcurrentCalls: 25, inFlight: 0 });
    expect(
      (await api('PUT', `${team}/settings`, { maxConcurrentCalls: 5 }, { 'If-Match': got.headers.get('etag') as string })).status,
    ).toBe(412);
    expect((await api('GET', `${team}/settings`)).json.maxConcurrentCalls).toBe(25);
    const audit = await api('GET', `${team}/audit-logs?module=team&action=update_settings`);
    expect(audit.json.items[0].changes).toEqual({ maxConcurrentCalls: { before: 10, after: 25 } });
  });
});
