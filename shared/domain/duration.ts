/**
 * ISO-8601 durations (`PT2H`, `P1DT30M`, `PT90S`) as used by `autoReactivateAfter` and `reactivateAfter`.
 * Only days, hours, minutes and seconds: months and years have no fixed length.
 */
const DURATION = /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an ISO-8601 duration, or undefined when it is not one (or uses years/months/weeks). */
export function durationMs(value: string): number | undefined {
  const m = DURATION.exec(value);
  if (!m) return undefined;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Math.round(Number(s ?? 0) * 1000);
}
