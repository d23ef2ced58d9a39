import type { Campaign, CampaignContactStatus, Weekday } from '../../api/types';

export const DAY_LABEL: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** Calling days as a person reads them: `Mon–Fri`, `Sat, Sun`, `Every day`. */
export function formatDays(days: readonly Weekday[], all: readonly Weekday[]): string {
  const idx = [...new Set(days)].map((d) => all.indexOf(d)).sort((a, b) => a - b);
  if (idx.length === all.length) return 'Every day';
  const contiguous = idx.length >= 3 && idx.every((v, i) => i === 0 || v === (idx[i - 1] ?? -2) + 1);
  const label = (i: number) => DAY_LABEL[all[i] as Weekday];
  if (contiguous) return `${label(idx[0] as number)}–${label(idx[idx.length - 1] as number)}`;
  return idx.map(label).join(', ');
}

/** The retry outcomes, in the order a person thinks of them, with their labels. */
export const RETRY_OUTCOMES = [
  ['no_answer', 'No answer'],
  ['busy', 'Busy'],
  ['voicemail', 'Voicemail'],
  ['failed', 'Failed'],
] as const;
export type RetryOutcome = (typeof RETRY_OUTCOMES)[number][0];

export const DURATION_UNITS = [
  ['S', 'seconds', 1],
  ['M', 'minutes', 60],
  ['H', 'hours', 3600],
  ['D', 'days', 86_400],
] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number][0];

const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds of an ISO-8601 duration of weeks, days, hours, minutes and seconds; undefined when it is not one. */
export function durationSeconds(iso: string): number | undefined {
  const m = ISO.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return undefined;
  const [w, d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number];
  return (((w * 7 + d) * 24 + h) * 60 + min) * 60 + s;
}

/** The largest unit that holds an ISO-8601 duration whole: `PT90M` -> 90 minutes, `PT2H` -> 2 hours. */
export function splitDuration(iso: string): { amount: string; unit: DurationUnit } | undefined {
  const seconds = durationSeconds(iso);
  if (seconds === undefined) return undefined;
  for (const [unit, , size] of [...DURATION_UNITS].reverse())
    if (seconds >= size && seconds % size === 0) return { amount: String(seconds / size), unit };
  return { amount: String(seconds), unit: 'S' };
}

/** An amount and unit as ISO-8601 (`90`, `M` -> `PT90M`; `2`, `D` -> `P2D`); the API checks the amount. */
export function joinDuration(amount: string, unit: DurationUnit): string {
  const n = amount.trim();
  return unit === 'D' ? `P${n}D` : `PT${n}${unit}`;
}

/** A retry delay as a person reads it: `PT10M` -> `after 10 minutes`, null -> `no retry`. */
export function formatRetry(iso: string | null): string {
  if (iso === null) return 'No retry';
  const split = splitDuration(iso);
  if (!split) return iso;
  const [, name] = DURATION_UNITS.find(([u]) => u === split.unit) ?? DURATION_UNITS[0];
  return `After ${split.amount} ${split.amount === '1' ? name.slice(0, -1) : name}`;
}

export const CONTACT_STATUS_LABEL: Record<CampaignContactStatus, string> = {
  pending: 'Pending',
  scheduled: 'Scheduled',
  dialing: 'Dialing',
  completed: 'Completed',
  failed: 'Failed',
  exhausted: 'Exhausted',
  skipped_dnc: 'Skipped (DNC)',
};

/** Statuses no dial will change any more. */
export const FINAL_STATUSES: readonly CampaignContactStatus[] = ['completed', 'failed', 'exhausted', 'skipped_dnc'];

/** Contacts of a campaign that reached a final status. */
export function finalCount(progress: Campaign['progress']): number {
  return FINAL_STATUSES.reduce((n, s) => n + progress[s], 0);
}

export const OUTCOME_LABEL: Record<string, string> = {
  completed: 'Completed',
  no_answer: 'No answer',
  busy: 'Busy',
  voicemail: 'Voicemail',
  failed: 'Failed',
};

/** One contact as pasted: `phone[,timezone[,externalId]]`, with the line it came from. */
export type ContactLine = { line: number; text: string; phone: string; timezone: string | null; externalId: string | null };

/** The fields of one CSV line: commas separate, double quotes enclose a field that holds commas (`""` is a quote). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/**
 * Contacts from pasted lines or a CSV file: one per non-empty line, `phone[,timezone[,externalId]]`. A first line
 * whose first field is `phone` is a header and is skipped. Line numbers count every line, so a rejection names the
 * line a person sees in their file.
 */
export function parseContactLines(text: string): ContactLine[] {
  const out: ContactLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    const [phone = '', timezone = '', externalId = ''] = csvFields(text);
    if (out.length === 0 && phone.toLowerCase() === 'phone') return;
    out.push({ line: i + 1, text, phone, timezone: timezone || null, externalId: externalId || null });
  });
  return out;
}

/** `items` in runs of at most `size`. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
