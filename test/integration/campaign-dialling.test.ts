import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../shared/audit/queries.js';
import { resetConfig } from '../../shared/config.js';
import { createBot, getStoredBot } from '../../shared/domain/bots/bots.js';
import { reportCallEvent } from '../../shared/domain/calls/call-events.js';
import { dialout } from '../../shared/domain/calls/dialout.js';
import { getCall } from '../../shared/domain/calls/store.js';
import { endOverdueCalls } from '../../shared/domain/calls/watchdog.js';
import { createCampaign, getStoredCampaign } from '../../shared/domain/campaigns/campaigns.js';
import { startCampaign } from '../../shared/domain/campaigns/status.js';
import { addContacts } from '../../shared/domain/campaigns/contacts.js';
import { listContacts } from '../../shared/domain/campaigns/contact-list.js';
import { dispatch } from '../../shared/domain/campaigns/dispatcher.js';
import { toCampaign } from '../../shared/domain/campaigns/model.js';
import { addToDnc, isOnDnc } from '../../shared/domain/dnc/dnc.js';
import { DoNotCall } from '../../shared/domain/errors.js';
import { getTeamSettings, updateTeamSettings } from '../../shared/domain/team/settings.js';
import { newTeam } from '../support/factory.js';

/** The governor, the dispatcher, DNC, the waiting queue, the watchdog and opt-out against DynamoDB Local. */
const dataDir = mkdtempSync(join(tmpdir(), 'botops-dialling-'));
beforeAll(() => {
  process.env.LOCAL_DATA_DIR = dataDir;
  resetConfig();
});

const ALWAYS = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[],
  start: '00:00',
  end: '24:00',
};
type Envelope = { 'detail-type': string; detail: Record<string, any> };
const events = (): Envelope[] =>
  readFileSync(join(dataDir, 'events.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const phones = (n: number, base: number) => Array.from({ length: n }, (_, i) => `+1415555${String(base + i).padStart(4, '0')}`);

async function runningCampaign(opts: {
  contacts: string[];
  teamMax?: number;
  campaignMax?: number;
  botExtra?: Record<string, unknown>;
  retry?: Record<string, string | null>;
}) {
  const t = await newTeam();
  if (opts.teamMax) await updateTeamSettings(t.teamId, opts.teamMax, t.actor);
  const bot = await createBot(t.teamId, { name: 'Dialler', ...opts.botExtra }, t.actor);
  const c = await createCampaign(
    t.teamId,
    {
      name: 'C',
      botId: bot.id,
      callingWindow: ALWAYS,
      maxConcurrentCalls: opts.campaignMax ?? 5,
      ...(opts.retry ? { retry: opts.retry } : {}),
    },
    t.actor,
  );
  await addContacts(
    t.teamId,
    c.id,
    opts.contacts.map((phone) => ({ phone })),
    t.actor,
  );
  await startCampaign(t.teamId, c.id, t.actor);
  return { t, bot, c };
}
const campaignOf = async (teamId: string, id: string) => toCampaign(await getStoredCampaign(teamId, id, true));
const contactsIn = async (teamId: string, id: string, status: Parameters<typeof listContacts>[2]) =>
  (await listContacts(teamId, id, status, 100)).items;

describe('dispatcher', () => {
  it('never takes more slots than the team ceiling under two concurrent passes', async () => {
    const { t, c } = await runningCampaign({ contacts: phones(30, 3000), teamMax: 3, campaignMax: 5 });
    await Promise.all([dispatch(), dispatch()]);
    const dialing = await contactsIn(t.teamId, c.id, 'dialing');
    expect(dialing).toHaveLength(3);
    expect((await getTeamSettings(t.teamId, true)).inFlight).toBe(3);
    const campaign = await campaignOf(t.teamId, c.id);
    expect(campaign.inFlight).toBe(3);
    expect(campaign.progress).toMatchObject({ total: 30, pending: 27, dialing: 3 });
    const requested = events().filter((e) => e['detail-type'] === 'CallRequested' && e.detail.campaignId === c.id);
    expect(requested).toHaveLength(3);
    expect(requested[0]!.detail).toMatchObject({ attempt: 1, variables: { crm: {} } });

    // a call end releases both slots, schedules the retry and the next pass refills the slot
    const callId = dialing[0]!.callIds[0] as string;
    await reportCallEvent(t.teamId, callId, { type: 'ringing' }, t.actor);
    await reportCallEvent(t.teamId, callId, { type: 'failed', result: { endedReason: 'busy' } }, t.actor);
    expect((await getTeamSettings(t.teamId, true)).inFlight).toBe(2);
    const retried = (await contactsIn(t.teamId, c.id, 'scheduled'))[0]!;
    expect(retried).toMatchObject({ phone: dialing[0]!.phone, attempts: 1, lastOutcome: 'busy' });
    expect(Date.parse(retried.nextAttemptAt as string) - Date.now()).toBeGreaterThan(9 * 60_000);
    await Promise.all([dispatch(), dispatch()]);
    expect((await getTeamSettings(t.teamId, true)).inFlight).toBe(3);
    expect((await campaignOf(t.teamId, c.id)).progress).toMatchObject({ pending: 26, scheduled: 1, dialing: 3 });
  });

  it('completes a campaign whose contacts are all final and unlocks its bot (audited)', async () => {
    const { t, bot, c } = await runningCampaign({ contacts: phones(1, 3100) });
    expect((await getStoredBot(t.teamId, bot.id)).lockedByCampaigns).toHaveLength(1);
    await dispatch();
    const [contact] = await contactsIn(t.teamId, c.id, 'dialing');
    await reportCallEvent(t.teamId, contact!.callIds[0] as string, { type: 'completed', result: { answeredBy: 'human' } }, t.actor);
    expect((await campaignOf(t.teamId, c.id)).progress).toMatchObject({ completed: 1, dialing: 0 });
    await dispatch();
    const done = await campaignOf(t.teamId, c.id);
    expect(done.status).toBe('completed');
    expect(done.completedAt).not.toBeNull();
    expect((await getStoredBot(t.teamId, bot.id)).lockedByCampaigns).toEqual([]);
    const audit = await listAuditEvents(t.teamId, { module: 'campaigns', action: 'complete' }, 10, undefined);
    expect(audit.items[0]).toMatchObject({ actorEmail: 'system:dispatcher', targetId: c.id });
  });
});

describe('DNC on every path', () => {
  it('refuses a single dialout to a listed number (audited) and skips a listed campaign contact (audited)', async () => {
    const [listed, other] = phones(2, 3200);
    const { t, bot, c } = await runningCampaign({ contacts: [listed!, other!] });
    await addToDnc(t.teamId, ['+1 415 555 3200'], 'asked', t.actor);
    await expect(dialout(t.teamId, bot.id, { to: listed! }, t.actor)).rejects.toBeInstanceOf(DoNotCall);
    const refused = await listAuditEvents(t.teamId, { module: 'calls', action: 'dialout_refused_dnc' }, 10, undefined);
    expect(refused.items[0]).toMatchObject({ targetId: listed });

    await dispatch();
    expect((await contactsIn(t.teamId, c.id, 'skipped_dnc')).map((x) => x.phone)).toEqual([listed]);
    expect((await contactsIn(t.teamId, c.id, 'dialing')).map((x) => x.phone)).toEqual([other]);
    const skipped = await listAuditEvents(t.teamId, { module: 'campaigns', action: 'contact_skipped_dnc' }, 10, undefined);
    expect(skipped.items[0]).toMatchObject({ actorEmail: 'system:dispatcher', targetId: listed });
    expect(events().some((e) => e['detail-type'] === 'CallRequested' && e.detail.to === listed)).toBe(false);
  });

  it('adds an opted-out number to the DNC list (as the system) and cancels the contact’s retries', async () => {
    const [phone] = phones(1, 3300);
    const { t, c } = await runningCampaign({
      contacts: [phone!],
      botExtra: { analysisPrompt: 'Did they ask not to be called? {{analysis.opted_out: boolean}}', optOutField: 'analysis.opted_out' },
    });
    await dispatch();
    const [contact] = await contactsIn(t.teamId, c.id, 'dialing');
    await reportCallEvent(
      t.teamId,
      contact!.callIds[0] as string,
      { type: 'failed', result: { endedReason: 'no_answer' }, analysis: { opted_out: true } },
      t.actor,
    );
    expect(await isOnDnc(t.teamId, phone!)).toBe(true);
    expect((await contactsIn(t.teamId, c.id, 'skipped_dnc')).map((x) => x.phone)).toEqual([phone]);
    const audit = await listAuditEvents(t.teamId, { module: 'dnc' }, 10, undefined);
    expect(audit.items[0]).toMatchObject({ actorEmail: 'system:opt-out', targetId: phone });
  });

  it('refuses an optOutField the analysis prompt does not declare as boolean', async () => {
    const t = await newTeam();
    await expect(
      createBot(t.teamId, { name: 'X', analysisPrompt: '{{analysis.mood: string}}', optOutField: 'analysis.mood' }, t.actor),
    ).rejects.toMatchObject({
      errors: [{ path: 'optOutField', message: 'analysis.mood is declared string, not boolean', step: 'tools_integrations' }],
    });
  });
});

describe('waiting dialouts', () => {
  it('answers waiting with the place in the queue beyond the team ceiling and serves the queue oldest first', async () => {
    const t = await newTeam();
    await updateTeamSettings(t.teamId, 1, t.actor);
    const bot = await createBot(t.teamId, { name: 'Single' }, t.actor);
    const [a, b, c] = phones(3, 3400);
    const first = await dialout(t.teamId, bot.id, { to: a! }, t.actor);
    const second = await dialout(t.teamId, bot.id, { to: b! }, t.actor);
    const third = await dialout(t.teamId, bot.id, { to: c! }, t.actor);
    expect(first.status).toBe('queued');
    expect(second).toMatchObject({ status: 'waiting', queuePosition: 1 });
    expect(third).toMatchObject({ status: 'waiting', queuePosition: 2 });
    const requested = () =>
      events().filter((e) => e['detail-type'] === 'CallRequested' && [first.id, second.id, third.id].includes(e.detail.callId));
    expect(requested().map((e) => e.detail.callId)).toEqual([first.id]);
    await expect(reportCallEvent(t.teamId, second.id, { type: 'ringing' }, t.actor)).rejects.toMatchObject({
      details: { currentStatus: 'waiting' },
    });

    await dispatch();
    expect((await getCall(t.teamId, second.id)).status).toBe('waiting');
    await reportCallEvent(t.teamId, first.id, { type: 'completed' }, t.actor);
    await dispatch();
    expect((await getCall(t.teamId, second.id)).status).toBe('queued');
    expect((await getCall(t.teamId, third.id)).status).toBe('waiting');
    await reportCallEvent(t.teamId, second.id, { type: 'failed', result: { endedReason: 'error' } }, t.actor);
    await dispatch();
    expect((await getCall(t.teamId, third.id)).status).toBe('queued');
    expect(requested().map((e) => e.detail.callId)).toEqual([first.id, second.id, third.id]);
    expect((await getTeamSettings(t.teamId, true)).inFlight).toBe(1);
  });
});

describe('watchdog', () => {
  it('ends a call past its deadline as failed/timeout with its CallEnded event and releases its slot', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Stuck', maxCallDurationSeconds: 30 }, t.actor);
    const call = await dialout(t.teamId, bot.id, { to: '+14155553500' }, t.actor);
    await reportCallEvent(t.teamId, call.id, { type: 'in_progress' }, t.actor);
    expect((await getTeamSettings(t.teamId, true)).inFlight).toBe(1);
    await endOverdueCalls({ now: Date.now() + 10_000 });
    expect((await getCall(t.teamId, call.id)).status).toBe('in_progress');
    await endOverdueCalls({ now: Date.now() + (30 + 300 + 1) * 1000 });
    const ended = await getCall(t.teamId, call.id);
    expect(ended).toMatchObject({ status: 'failed', result: { endedReason: 'timeout', status: 'failed' } });
    expect(events().filter((e) => e['detail-type'] === 'CallEnded' && e.detail.callId === call.id)).toHaveLength(1);
    expect((await getTeamSettings(t.teamId, true)).inFlight).toBe(0);
    // ended once: a second pass finds nothing of it
    await endOverdueCalls({ now: Date.now() + 400_000 });
    expect(events().filter((e) => e['detail-type'] === 'CallEnded' && e.detail.callId === call.id)).toHaveLength(1);
  });
});
