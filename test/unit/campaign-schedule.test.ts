import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  type CallingWindow,
  DEFAULT_CALLING_WINDOW,
  DEFAULT_RETRY,
  OUTCOMES,
  type RetryDelays,
  WEEKDAYS,
  afterCall,
  isWithinWindow,
  minutesOf,
  nextDialTime,
  outcomeOf,
} from '../../shared/domain/campaigns/schedule.js';
import { durationMs } from '../../shared/domain/duration.js';

/*
 * The campaign scheduling rule over every IANA zone ICU knows, at instants generated around each zone's DST
 * transitions (and anywhere else): a dial time is never outside the contact's local window, never before the
 * retry delay, never at or after the campaign's end, and a contact is never called more than maxAttempts times.
 */
const ZONES = Intl.supportedValuesOf('timeZone');
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const HOUR = 3_600_000;
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2028, 0, 1);

/** The zone's offset changes in [YEAR_START, YEAR_END), found by weekly steps then bisection to the second. */
const transitionsCache = new Map<string, number[]>();
function transitions(zone: string): number[] {
  const cached = transitionsCache.get(zone);
  if (cached) return cached;
  const offset = (t: number) => DateTime.fromMillis(t, { zone }).offset;
  const out: number[] = [];
  const STEP = 7 * 24 * HOUR;
  for (let t = YEAR_START; t < YEAR_END; t += STEP) {
    if (offset(t) === offset(t + STEP)) continue;
    let lo = t;
    let hi = t + STEP;
    while (hi - lo > 1_000) {
      const mid = Math.floor((lo + hi) / 2);
      if (offset(mid) === offset(lo)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  transitionsCache.set(zone, out);
  return out;
}

const zone = fc.constantFrom(...ZONES);
const hhmm = (min: number, max: number) =>
  fc.integer({ min, max }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const callingWindow: fc.Arbitrary<CallingWindow> = fc
  .tuple(fc.subarray([...WEEKDAYS], { minLength: 1 }), fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.integer({ min: 1, max: 24 * 60 }))
  .filter(([, a, b]) => a < b)
  .chain(([days, a, b]) => fc.tuple(fc.constant(days), hhmm(a, a), hhmm(b, b)))
  .map(([days, start, end]) => ({ days, start, end }));
/** An instant near one of the zone's DST transitions (within two days) or, for zones without any, anywhere in 2026-2027. */
const instantIn = (z: string) => {
  const ts = transitions(z);
  const anywhere = fc.integer({ min: YEAR_START, max: YEAR_END - 1 });
  if (!ts.length) return anywhere;
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...ts), fc.integer({ min: -48 * HOUR, max: 48 * HOUR })).map(([t, d]) => t + d) },
    { weight: 1, arbitrary: anywhere },
  );
};
const scenario = zone.chain((z) =>
  fc.record({
    zone: fc.constant(z),
    window: fc.oneof(fc.constant(DEFAULT_CALLING_WINDOW), callingWindow),
    notBefore: instantIn(z),
    endAfterHours: fc.option(fc.integer({ min: 0, max: 24 * 20 }), { nil: undefined }),
  }),
);

/** Independent of the implementation: the local weekday and wall-clock time of `at` in `z`. */
function insideByWallClock(window: CallingWindow, z: string, at: number): boolean {
  const local = DateTime.fromMillis(at, { zone: z });
  const minutes = local.hour * 60 + local.minute;
  return window.days.includes(WEEKDAYS[local.weekday - 1]!) && minutes >= minutesOf(window.start)! && minutes < minutesOf(window.end)!;
}

describe('calling windows in the contact time zone', () => {
  it('never places a dial outside the window, before notBefore, or at or after endAt, over every IANA zone around DST', () => {
    fc.assert(
      fc.property(scenario, ({ zone: z, window, notBefore, endAfterHours }) => {
        const endAt = endAfterHours === undefined ? undefined : notBefore + endAfterHours * HOUR;
        const at = nextDialTime(window, z, notBefore, endAt);
        if (at === undefined) {
          // only when the campaign ends first: without an end a listed day comes within a week
          expect(endAt, `${z} ${JSON.stringify(window)} from ${new Date(notBefore).toISOString()}`).toBeDefined();
          return;
        }
        expect(at).toBeGreaterThanOrEqual(notBefore);
        if (endAt !== undefined) expect(at).toBeLessThan(endAt);
        expect(insideByWallClock(window, z, at), `${z} ${JSON.stringify(window)} -> ${DateTime.fromMillis(at, { zone: z }).toISO()}`).toBe(
          true,
        );
        expect(isWithinWindow(window, z, at)).toBe(true);
        // the earliest such instant: the minute before it is outside (or before notBefore)
        if (at > notBefore) expect(isWithinWindow(window, z, Math.max(notBefore, at - 60_000))).toBe(false);
        if (isWithinWindow(window, z, notBefore)) expect(at).toBe(notBefore);
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
  });

  it('measures a window that spans a DST change in local time: an hour shorter when the clocks spring forward', () => {
    // Europe/Paris skips 02:00-03:00 on Sunday 2027-03-28: a 00:00-12:00 window has 11 hours that day, 12 the next Sunday.
    const window: CallingWindow = { days: ['sun'], start: '00:00', end: '12:00' };
    const length = (day: string) => {
      const from = DateTime.fromISO(`${day}T00:00`, { zone: 'Europe/Paris' }).toMillis();
      let inside = 0;
      for (let t = from; t < from + 24 * HOUR; t += 60_000) if (isWithinWindow(window, 'Europe/Paris', t)) inside += 60_000;
      return inside / HOUR;
    };
    expect(length('2027-03-28')).toBe(11);
    expect(length('2027-04-04')).toBe(12);
    // a window opening inside the gap opens when the gap ends
    const gap: CallingWindow = { days: ['sun'], start: '02:30', end: '04:00' };
    const opens = nextDialTime(gap, 'Europe/Paris', Date.UTC(2027, 2, 27, 12));
    expect(DateTime.fromMillis(opens!, { zone: 'Europe/Paris' }).toFormat('yyyy-MM-dd HH:mm ZZ')).toBe('2027-03-28 03:00 +02:00');
  });

  it('waits for the next opening in the contact zone, not the campaign owner', () => {
    // Friday 2026-12-04 19:30 UTC: 20:30 in Paris (closed until Monday 09:00), 11:30 in Los Angeles (open).
    const friday = Date.UTC(2026, 11, 4, 19, 30);
    expect(nextDialTime(DEFAULT_CALLING_WINDOW, 'America/Los_Angeles', friday)).toBe(friday);
    const paris = nextDialTime(DEFAULT_CALLING_WINDOW, 'Europe/Paris', friday)!;
    expect(DateTime.fromMillis(paris, { zone: 'Europe/Paris' }).toFormat('ccc HH:mm')).toBe('Mon 09:00');
  });
});

describe('retries by outcome', () => {
  const retry: fc.Arbitrary<RetryDelays> = fc.record({
    no_answer: fc.option(fc.constantFrom('PT1M', 'PT1H', 'PT10M', 'P1D'), { nil: null }),
    busy: fc.option(fc.constantFrom('PT1M', 'PT10M', 'PT30S'), { nil: null }),
    voicemail: fc.option(fc.constantFrom('PT4H', 'PT2H'), { nil: null }),
    failed: fc.option(fc.constantFrom('PT5M'), { nil: null }),
  });

  it('never retries before the delay, outside the window, past endAt, or beyond maxAttempts', () => {
    fc.assert(
      fc.property(
        scenario,
        retry,
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.constantFrom(...OUTCOMES), { minLength: 12, maxLength: 12 }),
        ({ zone: z, window, notBefore, endAfterHours }, delays, maxAttempts, outcomes) => {
          const endAt = endAfterHours === undefined ? undefined : notBefore + endAfterHours * HOUR;
          let at = nextDialTime(window, z, notBefore, endAt);
          let attempts = 0;
          while (at !== undefined) {
            attempts++;
            expect(attempts).toBeLessThanOrEqual(maxAttempts);
            const endedAt = at + 90_000;
            const outcome = outcomes[attempts - 1]!;
            const next = afterCall({ outcome, attempts, maxAttempts, retry: delays, window, zone: z, endedAt, endAt });
            if (next.status !== 'scheduled') {
              if (outcome === 'completed') expect(next.status).toBe('completed');
              else if (delays[outcome] === null) expect(next.status).toBe('failed');
              else expect(next.status).toBe('exhausted');
              break;
            }
            expect(next.nextAttemptAt).toBeGreaterThanOrEqual(endedAt + durationMs(delays[outcome as keyof RetryDelays]!)!);
            expect(insideByWallClock(window, z, next.nextAttemptAt)).toBe(true);
            if (endAt !== undefined) expect(next.nextAttemptAt).toBeLessThan(endAt);
            at = next.nextAttemptAt;
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('maps call endings to outcomes', () => {
    expect(outcomeOf('completed', { answeredBy: 'human', endedReason: 'customer_hangup' })).toBe('completed');
    expect(outcomeOf('completed', { answeredBy: 'voicemail' })).toBe('voicemail');
    expect(outcomeOf('completed', { answeredBy: 'machine' })).toBe('voicemail');
    expect(outcomeOf('failed', { endedReason: 'no_answer' })).toBe('no_answer');
    expect(outcomeOf('failed', { endedReason: 'busy' })).toBe('busy');
    expect(outcomeOf('failed', { endedReason: 'error' })).toBe('failed');
    expect(outcomeOf('failed', null)).toBe('failed');
    expect(
      afterCall({
        outcome: 'busy',
        attempts: 1,
        maxAttempts: 3,
        retry: DEFAULT_RETRY,
        window: DEFAULT_CALLING_WINDOW,
        zone: 'UTC',
        endedAt: Date.UTC(2026, 11, 1, 10),
      }),
    ).toEqual({
      status: 'scheduled',
      nextAttemptAt: Date.UTC(2026, 11, 1, 10, 10),
    });
    expect(
      afterCall({
        outcome: 'failed',
        attempts: 1,
        maxAttempts: 3,
        retry: DEFAULT_RETRY,
        window: DEFAULT_CALLING_WINDOW,
        zone: 'UTC',
        endedAt: 0,
      }),
    ).toEqual({
      status: 'failed',
    });
  });
});
