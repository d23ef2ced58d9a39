/**
 * Campaigns: a campaign of 10,000 contacts in 12 zones at concurrency 50 (team and campaign ceilings), answered by
 * the local telephony simulator (completed:60, no_answer:25, busy:10, voicemail:5), dispatched by the same
 * dispatcher module the stack deploys, triggered every second and at every call end as `npm start` does.
 *
 * Reports dials per second, slot refill latency (a call's end -> the next `CallRequested`, while contacts were
 * due), DynamoDB requests per dial (the dispatcher's own, and the whole call lifecycle with the simulator's four
 * reports), violations (a dial outside the contact's window, to a DNC number, or in-flight calls above a ceiling,
 * sampled every 100 ms: each must be 0) and the process's peak RSS. `BENCH_CAMPAIGN_CONTACTS` changes the size.
 */
import { resetConfig } from '../shared/config.js';
import type { BenchContext, BenchSection } from './support/context.js';
import { attachDynamoCounter } from './support/dynamo-counter.js';
import { markdownTable } from './support/markdown.js';

export const campaignsBench: BenchSection = {
  name: 'campaigns',
  title: 'Campaign dialling: dial rate, slot refill, requests per dial, violations',
  run,
};

const ZONES = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Africa/Nairobi',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Australia/Sydney',
];
const WINDOW = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as ('mon' | 'sun')[], start: '08:00', end: '20:00' };
const CONCURRENCY = 50;

const pct = (xs: number[], p: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function run(ctx: BenchContext): Promise<string> {
  await ctx.dynamo();
  process.env.LOCAL_TELEPHONY = 'simulate';
  process.env.LOCAL_TELEPHONY_DELAYS_MS ??= '100,100,400';
  resetConfig();
  const total = Number(process.env.BENCH_CAMPAIGN_CONTACTS ?? 10_000);
  const counter = await attachDynamoCounter();
  const { createTeam } = await import('../shared/domain/team/members.js');
  const { createBot } = await import('../shared/domain/bots/bots.js');
  const { updateTeamSettings, getTeamSettings } = await import('../shared/domain/team/settings.js');
  const { createCampaign, getStoredCampaign } = await import('../shared/domain/campaigns/campaigns.js');
  const { startCampaign } = await import('../shared/domain/campaigns/status.js');
  const { addContacts } = await import('../shared/domain/campaigns/contacts.js');
  const { addToDnc } = await import('../shared/domain/dnc/dnc.js');
  const { isWithinWindow } = await import('../shared/domain/campaigns/schedule.js');
  const { registerLocalRule } = await import('../infra/local/adapters/event-bus.js');
  const { registerLocalTarget } = await import('../infra/local/adapters/async-invoke.js');
  const { DISPATCHER_TARGET } = await import('../shared/domain/calls/slots.js');
  const { telephonySimulator } = await import('../infra/local/telephony-simulator.js');
  const dispatcher = (await import('../functions/jobs/campaign-dispatcher.js')).handler;

  const team = await createTeam('Bench Campaigns', 'bench-campaigns@example.com');
  const actor = { email: team.email, role: 'super_admin' as const };
  await updateTeamSettings(team.teamId, CONCURRENCY, actor);
  const bot = await createBot(team.teamId, { name: 'Bench dialler', customPrompt: 'Hello {{crm.first_name}}.' }, actor);
  const campaign = await createCampaign(
    team.teamId,
    {
      name: 'Bench',
      botId: bot.id,
      callingWindow: WINDOW,
      maxConcurrentCalls: CONCURRENCY,
      maxAttempts: 2,
      retry: { no_answer: 'PT1S', busy: 'PT1S', voicemail: 'PT1S', failed: null },
    },
    actor,
  );
  const contacts = Array.from({ length: total }, (_, i) => ({
    phone: `+1415${String(2_000_000 + i).padStart(7, '0')}`,
    timezone: ZONES[i % ZONES.length] as string,
    variables: { crm: { first_name: `C${i}` } },
  }));
  const zoneOf = new Map(contacts.map((c) => [c.phone, c.timezone]));
  const loadStarted = Date.now();
  for (let i = 0; i < contacts.length; i += 1000) await addContacts(team.teamId, campaign.id, contacts.slice(i, i + 1000), actor);
  const loadMs = Date.now() - loadStarted;
  const dnc = contacts.filter((_, i) => i % 100 === 7).map((c) => c.phone);
  for (let i = 0; i < dnc.length; i += 1000) await addToDnc(team.teamId, dnc.slice(i, i + 1000), 'bench', actor);
  const dncSet = new Set(dnc);

  // What the telephony side and an observer see, with the time each event was delivered.
  const requested: { at: number; to: string; queuedAt: string }[] = [];
  const ended: number[] = [];
  registerLocalRule(
    'bench-observer',
    (e) => e.detail.campaignId === campaign.id,
    async (e) => {
      if (e['detail-type'] === 'CallRequested')
        requested.push({ at: Date.now(), to: e.detail.to as string, queuedAt: e.detail.queuedAt as string });
      else if (e['detail-type'] === 'CallEnded') ended.push(Date.now());
    },
  );
  // The dispatcher as npm start runs it (every second, and at every call end; passes never overlap), counted.
  const counted = counter.inPhase('handler', () => dispatcher());
  let running: Promise<unknown> | undefined;
  let again = false;
  const pass = (): Promise<unknown> => {
    if (running) {
      again = true;
      return running;
    }
    running = counted().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void pass();
      }
    });
    return running;
  };
  registerLocalTarget(DISPATCHER_TARGET, () => pass());
  const stopSimulator = await telephonySimulator.start({} as never);

  // The observer's own reads are counted apart (as the "authorizer" phase) and left out of the per-dial figures.
  const sample = counter.inPhase('authorizer', () =>
    Promise.all([getTeamSettings(team.teamId, true), getStoredCampaign(team.teamId, campaign.id, true)]),
  );
  let peakRss = 0;
  let maxTeam = 0;
  let maxCampaign = 0;
  let done = false;
  const started = Date.now();
  // Contacts whose window opens later would wait for it: the campaign ends 90 s after its start (then they are exhausted).
  const { updateCampaign } = await import('../shared/domain/campaigns/campaigns.js');
  await updateCampaign(team.teamId, campaign.id, { endAt: new Date(Date.now() + 90_000).toISOString() }, actor);
  const { result: finalCampaign, commands } = await counter.measure(async () => {
    await startCampaign(team.teamId, campaign.id, actor);
    const timer = setInterval(() => void pass(), 1000);
    const sampler = (async () => {
      while (!done) {
        const [s, c] = await sample();
        maxTeam = Math.max(maxTeam, s.inFlight);
        maxCampaign = Math.max(maxCampaign, Number(c.inFlight ?? 0));
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (c.status === 'completed') done = true;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const deadline = Date.now() + 15 * 60_000;
    while (!done && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    done = true;
    clearInterval(timer);
    await sampler;
    await running;
    return getStoredCampaign(team.teamId, campaign.id, true);
  });
  await stopSimulator();
  const elapsed = (Date.now() - started) / 1000;

  const dials = requested.length;
  const firstDial = Math.min(...requested.map((r) => r.at));
  const lastDial = Math.max(...requested.map((r) => r.at));
  // refill: each call end while dials were still to come -> the first CallRequested delivered after it
  const requestTimes = requested.map((r) => r.at).sort((a, b) => a - b);
  const refills: number[] = [];
  let j = 0;
  for (const t of [...ended].sort((a, b) => a - b)) {
    if (t >= lastDial) break;
    while (j < requestTimes.length && (requestTimes[j] as number) < t) j++;
    if (j < requestTimes.length) refills.push((requestTimes[j] as number) - t);
  }
  const outside = requested.filter((r) => !isWithinWindow(WINDOW, zoneOf.get(r.to) as string, Date.parse(r.queuedAt))).length;
  const toDnc = requested.filter((r) => dncSet.has(r.to)).length;
  const dispatcherCommands = commands.filter((c) => c.phase === 'handler').length;
  const p = finalCampaign.progress as Record<string, number>;
  const rows = [
    ['contacts (zones)', `${total} (${ZONES.length})`],
    ['contacts loaded (1,000 per request)', `${(loadMs / 1000).toFixed(1)} s`],
    ['campaign', `${finalCampaign.status} in ${elapsed.toFixed(1)} s`],
    ['final statuses', `completed ${p.completed}, failed ${p.failed}, exhausted ${p.exhausted}, skipped_dnc ${p.skipped_dnc}`],
    ['dials (CallRequested)', String(dials)],
    ['dials per second', (dials / Math.max(0.001, (lastDial - firstDial) / 1000)).toFixed(1)],
    [
      'slot refill p50 / p99 (call end -> next CallRequested)',
      `${pct(refills, 50).toFixed(0)} ms / ${pct(refills, 99).toFixed(0)} ms (n=${refills.length})`,
    ],
    ['DynamoDB requests per dial, dispatcher', (dispatcherCommands / Math.max(1, dials)).toFixed(2)],
    [
      'DynamoDB requests per dial, whole call (dispatch, the simulator reports, the end)',
      (commands.filter((c) => c.phase !== 'authorizer').length / Math.max(1, dials)).toFixed(2),
    ],
    ['dials outside the window', String(outside)],
    ['dials to a DNC number', String(toDnc)],
    [`max in flight, team (ceiling ${CONCURRENCY})`, String(maxTeam)],
    [`max in flight, campaign (ceiling ${CONCURRENCY})`, String(maxCampaign)],
    ['ceiling violations', String((maxTeam > CONCURRENCY ? 1 : 0) + (maxCampaign > CONCURRENCY ? 1 : 0))],
    ['peak RSS of the process (dispatcher, simulator, bench)', `${(peakRss / 1024 / 1024).toFixed(0)} MiB`],
  ];
  return [
    markdownTable(['measure', 'value'], rows),
    '',
    `Simulator delays ${process.env.LOCAL_TELEPHONY_DELAYS_MS} ms; window 08:00-20:00 local every day; retries PT1S, 2 attempts; endAt 90 s after the start; 1% of the numbers on the DNC list. Budget: 0 violations, refill p99 < 1 s.`,
  ].join('\n');
}
