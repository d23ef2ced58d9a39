import { DateTime } from 'luxon';
import { durationMs } from '../duration.js';

/**
 * When a campaign may call a contact: calling windows in the contact's own time zone, retries by outcome and
 * the campaign's bounds. Pure functions over instants (epoch milliseconds); the time-zone arithmetic is
 * luxon's (ICU's tz database through `Intl`), never hand-written offsets.
 *
 * A window `{ days, start, end }` means: on each listed local weekday, from local wall-clock `start` until
 * local `end` (exclusive), `HH:MM` 24-hour, `end` up to `24:00`. On a day whose DST change falls inside the
 * window, the window is measured in local time, so it is an hour shorter (spring forward) or the repeated hour
 * is only used once (fall back). A local time that does not exist (skipped by spring forward) opens the window
 * at the first instant after the gap.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type CallingWindow = { days: Weekday[]; start: string; end: string };

/** Monday to Friday, 09:00 to 20:00 local time. */
export const DEFAULT_CALLING_WINDOW: CallingWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '20:00' };

/** How a campaign call ended, for retries: see {@link outcomeOf}. */
export const OUTCOMES = ['completed', 'no_answer', 'busy', 'voicemail', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type RetryOutcome = Exclude<Outcome, 'completed'>;
/** Per outcome, the ISO-8601 duration to wait before the next attempt, or null for no retry. */
export type RetryDelays = Record<RetryOutcome, string | null>;
export const DEFAULT_RETRY: RetryDelays = { no_answer: 'PT1H', busy: 'PT10M', voicemail: 'PT4H', failed: null };

/** `HH:MM` (`00:00`..`24:00`) as minutes after local midnight, or undefined when malformed. */
export function minutesOf(hhmm: string): number | undefined {
  if (hhmm.length !== 5 || hhmm[2] !== ':') return undefined;
  const h = Number(hhmm.slice(0, 2));
  const m = Number(hhmm.slice(3));
  if (!Number.isInteger(h) || !Number.isInteger(m) || m < 0 || m > 59 || h < 0) return undefined;
  const total = h * 60 + m;
  return total <= 24 * 60 ? total : undefined;
}

type LocalDate = { year: number; month: number; day: number };
const wallMinutes = (dt: DateTime) => dt.hour * 60 + dt.minute;
const compareWall = (dt: DateTime, date: LocalDate, minutes: number) =>
  dt.year - date.year || dt.month - date.month || dt.day - date.day || wallMinutes(dt) - minutes;

/**
 * The first instant whose local wall-clock time in `zone` is at or after `minutes` past midnight of `date`.
 * Usually that exact local time; inside a DST gap, the end of the gap. 1440 minutes is the next midnight.
 */
function firstInstantAtOrAfter(zone: string, date: LocalDate, minutes: number): number {
  if (minutes >= 24 * 60) {
    const next = DateTime.fromObject(date, { zone }).plus({ days: 1 });
    return firstInstantAtOrAfter(zone, { year: next.year, month: next.month, day: next.day }, minutes - 24 * 60);
  }
  const guess = DateTime.fromObject({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone });
  if (!guess.isValid) throw new RangeError(`cannot place ${JSON.stringify(date)} ${minutes} min in zone ${zone}: ${guess.invalidReason}`);
  if (compareWall(guess, date, minutes) === 0) return guess.toMillis();
  // In a gap luxon moves forward by the gap's length; the gap ends at a whole second in the hours before the
  // guess. Bisect over whole seconds for the first one whose wall-clock time reaches the target.
  let lo = Math.floor(guess.toMillis() / 1000) - 6 * 3600;
  let hi = Math.ceil(guess.toMillis() / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (compareWall(DateTime.fromSeconds(mid, { zone }), date, minutes) >= 0) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}

/** The window's `[open, close)` instants on local date `date`, or undefined when that weekday is not listed or the window is empty. */
function windowOn(window: CallingWindow, zone: string, date: DateTime): { open: number; close: number } | undefined {
  if (!window.days.includes(WEEKDAYS[date.weekday - 1]!)) return undefined;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === undefined || end === undefined || start >= end) return undefined;
  const day = { year: date.year, month: date.month, day: date.day };
  const open = firstInstantAtOrAfter(zone, day, start);
  const close = firstInstantAtOrAfter(zone, day, end);
  return open < close ? { open, close } : undefined;
}

/** True when `at` falls inside the window of its own local day in `zone`. */
export function isWithinWindow(window: CallingWindow, zone: string, at: number): boolean {
  const w = windowOn(window, zone, DateTime.fromMillis(at, { zone }));
  return w !== undefined && at >= w.open && at < w.close;
}

/**
 * The earliest instant at or after `notBefore` inside the calling window in `zone`, strictly before `endAt`
 * when given; undefined when no window opens before `endAt` (or none in the next 15 days, which only a window
 * that DST empties on every listed day could cause). Throws RangeError for an unknown zone.
 */
export function nextDialTime(window: CallingWindow, zone: string, notBefore: number, endAt?: number): number | undefined {
  const first = DateTime.fromMillis(notBefore, { zone });
  if (!first.isValid) throw new RangeError(`unknown time zone ${zone}`);
  // From the day before: a window of yesterday's local date cannot still be open, but this keeps the loop simple
  // at the edges of days around a DST change.
  for (let i = -1; i <= 15; i++) {
    const date = first.startOf('day').plus({ days: i });
    const w = windowOn(window, zone, date);
    if (!w || w.close <= notBefore) continue;
    const at = Math.max(notBefore, w.open);
    if (endAt !== undefined && at >= endAt) return undefined;
    return at;
  }
  return undefined;
}

/**
 * The outcome of a campaign call from how it ended: `completed` answered by a voicemail or a machine (or
 * ended for `voicemail`) is `voicemail`; `failed` with `endedReason` `no_answer` or `busy` is that; any other
 * `failed` ending (errors, the watchdog's timeout) is `failed`; any other `completed` is `completed`.
 */
export function outcomeOf(status: 'completed' | 'failed', result: { endedReason?: unknown; answeredBy?: unknown } | null): Outcome {
  const endedReason = result?.endedReason;
  const answeredBy = result?.answeredBy;
  if (endedReason === 'voicemail' || answeredBy === 'voicemail' || answeredBy === 'machine') return 'voicemail';
  if (status === 'completed') return 'completed';
  if (endedReason === 'no_answer') return 'no_answer';
  if (endedReason === 'busy') return 'busy';
  return 'failed';
}

/** What becomes of a campaign contact after a call: final, or scheduled for another attempt at `nextAttemptAt`. */
export type AfterCall =
  | { status: 'completed' | 'failed' | 'exhausted'; nextAttemptAt?: undefined }
  | { status: 'scheduled'; nextAttemptAt: number };

/**
 * The retry rule: `completed` is final; an outcome whose delay is null is final as `failed`; after
 * `maxAttempts` attempts the contact is `exhausted`; otherwise the next attempt is the first instant inside
 * the contact's window at least the outcome's delay after the call ended, and before the campaign's `endAt`
 * (none: `exhausted`).
 */
export function afterCall(input: {
  outcome: Outcome;
  attempts: number;
  maxAttempts: number;
  retry: RetryDelays;
  window: CallingWindow;
  zone: string;
  endedAt: number;
  endAt?: number;
}): AfterCall {
  if (input.outcome === 'completed') return { status: 'completed' };
  const delay = input.retry[input.outcome];
  if (delay === null) return { status: 'failed' };
  if (input.attempts >= input.maxAttempts) return { status: 'exhausted' };
  const ms = durationMs(delay);
  if (ms === undefined) throw new RangeError(`retry delay for ${input.outcome} is not an ISO-8601 duration: ${delay}`);
  const next = nextDialTime(input.window, input.zone, input.endedAt + ms, input.endAt);
  return next === undefined ? { status: 'exhausted' } : { status: 'scheduled', nextAttemptAt: next };
}
