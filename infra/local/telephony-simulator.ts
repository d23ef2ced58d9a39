import type { Actor } from '../../shared/auth/principal.js';
import type { CallEvent } from '../../shared/domain/calls/schema.js';
import type { BackgroundJob } from './background.js';
import { routeScope, runInScope } from './partition-guard.js';

/**
 * The local telephony simulator (`LOCAL_TELEPHONY=simulate`, off by default): it answers each `CallRequested` event
 * like a telephony provider would, reporting `ringing`, `in_progress` and an outcome after short delays through the
 * same domain function the `POST /calls/{callId}/events` route uses, so a campaign runs end to end on `npm start`.
 *
 * - `LOCAL_TELEPHONY_OUTCOMES`: weights of the outcomes, e.g. `completed:60,no_answer:25,busy:10,voicemail:5`;
 *   also `failed` (an error) and `stuck` (rings, is answered, never ends: the watchdog's case);
 * - `LOCAL_TELEPHONY_DELAYS_MS`: `ringing,in_progress,outcome` delays in ms (each drawn between half and one and a
 *   half times the value).
 */
export const SIMULATED_OUTCOMES = ['completed', 'no_answer', 'busy', 'voicemail', 'failed', 'stuck'] as const;
export type SimulatedOutcome = (typeof SIMULATED_OUTCOMES)[number];

/** Parses `completed:60,no_answer:25,...`; throws naming the variable on a malformed mix. */
export function parseOutcomeMix(mix: string): { outcome: SimulatedOutcome; weight: number }[] {
  const parts = mix.split(',').map((p) => p.trim().split(':'));
  const out = parts.map(([name, weight]) => {
    if (!SIMULATED_OUTCOMES.includes(name as SimulatedOutcome) || !(Number(weight) >= 0))
      throw new Error(
        `LOCAL_TELEPHONY_OUTCOMES: "${name}:${weight}" is not <outcome>:<weight> (outcomes ${SIMULATED_OUTCOMES.join(', ')})`,
      );
    return { outcome: name as SimulatedOutcome, weight: Number(weight) };
  });
  if (!out.some((o) => o.weight > 0)) throw new Error('LOCAL_TELEPHONY_OUTCOMES: no outcome has a weight above 0');
  return out;
}

export function pickOutcome(mix: { outcome: SimulatedOutcome; weight: number }[], random = Math.random): SimulatedOutcome {
  const total = mix.reduce((s, m) => s + m.weight, 0);
  let r = random() * total;
  for (const m of mix) {
    r -= m.weight;
    if (r < 0) return m.outcome;
  }
  return mix.at(-1)!.outcome;
}

/** The events the telephony side reports for an outcome, in order (`null`: it goes silent). */
export function eventsFor(outcome: SimulatedOutcome): (CallEvent | null)[] {
  switch (outcome) {
    case 'completed':
      return [
        { type: 'ringing' },
        { type: 'in_progress' },
        { type: 'completed', result: { durationSeconds: 42, endedReason: 'customer_hangup', answeredBy: 'human' } },
      ];
    case 'voicemail':
      return [
        { type: 'ringing' },
        { type: 'in_progress' },
        { type: 'completed', result: { durationSeconds: 20, endedReason: 'voicemail', answeredBy: 'voicemail' } },
      ];
    case 'no_answer':
      return [{ type: 'ringing' }, null, { type: 'failed', result: { endedReason: 'no_answer' } }];
    case 'busy':
      return [null, null, { type: 'failed', result: { endedReason: 'busy' } }];
    case 'failed':
      return [{ type: 'ringing' }, null, { type: 'failed', result: { endedReason: 'error' } }];
    case 'stuck':
      return [{ type: 'ringing' }, { type: 'in_progress' }, null];
  }
}

const SIMULATOR_ACTOR: Actor = { email: 'system:telephony-simulator', role: 'system' };

export const telephonySimulator: BackgroundJob = {
  name: 'telephony simulator',
  start: async () => {
    const { config } = await import('../../shared/config.js');
    const cfg = config();
    if (cfg.LOCAL_TELEPHONY !== 'simulate') return async () => undefined;
    const mix = parseOutcomeMix(cfg.LOCAL_TELEPHONY_OUTCOMES);
    const delays = cfg.LOCAL_TELEPHONY_DELAYS_MS.split(',').map(Number);
    if (delays.length !== 3 || delays.some((d) => !(d >= 0)))
      throw new Error('LOCAL_TELEPHONY_DELAYS_MS: expected three delays in ms, e.g. 200,300,1500');
    const { registerLocalRule } = await import('./adapters/event-bus.js');
    const { CALL_REQUESTED } = await import('../../shared/domain/calls/fields.js');
    const { reportCallEvent } = await import('../../shared/domain/calls/call-events.js');
    const { route } = await import('../../functions/routes.js');
    const scope = routeScope(route('reportCallEvent'));
    const timers = new Set<NodeJS.Timeout>();
    let stopped = false;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(
          () => {
            timers.delete(t);
            resolve();
          },
          ms * (0.5 + Math.random()),
        );
        timers.add(t);
      });
    const stopRule = registerLocalRule(
      'telephony-simulator',
      (e) => e['detail-type'] === CALL_REQUESTED,
      async (e) => {
        const { teamId, callId } = e.detail as { teamId: string; callId: string };
        for (const [i, event] of eventsFor(pickOutcome(mix)).entries()) {
          await sleep(delays[i] as number);
          if (stopped) return;
          if (!event) continue;
          // A provider redelivers a webhook the API refused for a passing reason (a write conflict, throttling):
          // 5 attempts with back-off. A call ended meanwhile (the watchdog) or of a reset bot keeps refusing: given up.
          let delivered = false;
          for (let attempt = 0; attempt < 5 && !delivered && !stopped; attempt++) {
            if (attempt) await sleep(200 * 2 ** attempt);
            delivered = await runInScope(scope, () => reportCallEvent(teamId, callId, event, SIMULATOR_ACTOR)).then(
              () => true,
              () => false,
            );
          }
          if (!delivered) return;
        }
      },
    );
    console.log(`botops: telephony simulator on (${cfg.LOCAL_TELEPHONY_OUTCOMES})`);
    return async () => {
      stopped = true;
      stopRule();
      for (const t of timers) clearTimeout(t);
    };
  },
};
