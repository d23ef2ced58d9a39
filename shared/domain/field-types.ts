import * as z from 'zod';
import { isLocalMode } from '../config.js';
import { outboundUrlProblem } from '../net/url-safety.js';
import { durationMs } from './duration.js';

/* Field types shared by the domain's request schemas: phone numbers, time zones, durations, outbound URLs. */

export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number, e.g. +14155550123');

/** Characters of an IANA zone name; one class with a bounded count, so the test is linear in the input. */
const ZONE_CHARS = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * The zone's IANA spelling as ICU resolves it, or undefined when `tz` is no IANA zone (offsets such as
 * `+01:00`, `Mars/Olympus`). The length and the character set are checked before ICU is asked.
 */
export function resolvedZone(tz: string): string | undefined {
  if (tz.length > 64 || !ZONE_CHARS.test(tz)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * An IANA time zone name (ICU's tz database, as `Intl` knows it). Names are matched case-insensitively, as ICU
 * does, and stored in their IANA spelling (`europe/paris` -> `Europe/Paris`), so every reader compares equal
 * strings; links such as `US/Pacific` are kept as sent.
 */
export const timezone = z
  .string()
  .max(64, 'at most 64 characters')
  .refine((tz) => resolvedZone(tz) !== undefined, 'must be an IANA time zone, e.g. Europe/Paris')
  .overwrite((tz) => {
    const resolved = resolvedZone(tz);
    return resolved && resolved.toLowerCase() === tz.toLowerCase() ? resolved : tz;
  });

export const isoDuration = z.string().refine((v) => {
  const ms = durationMs(v);
  return ms !== undefined && ms > 0 && ms <= 365 * 86_400_000;
}, 'must be an ISO-8601 duration of days/hours/minutes/seconds, e.g. PT2H, at most P365D');

/** An https URL botops will call; loopback http is allowed in local mode only. */
export const outboundUrl = z
  .string()
  .max(2048)
  .superRefine((v, ctx) => {
    const problem = outboundUrlProblem(v, { local: isLocalMode() });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
