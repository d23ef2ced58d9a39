import * as z from 'zod';
import { isoDuration, timezone } from '../bots/schema.js';
import { PageQuery } from '../paging.js';
import { normalizeE164 } from '../phone.js';
import { DEFAULT_CALLING_WINDOW, DEFAULT_RETRY, minutesOf, WEEKDAYS } from './schedule.js';

/** A team-scoped object id in a body (ULIDs here; bounded so a body cannot smuggle a huge key). */
export const objectId = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'must be an id');

/** An E.164 phone number, validated and normalised with libphonenumber-js (`+1 415 555 0123` -> `+14155550123`). */
export const phoneNumber = z
  .string()
  .max(32, 'at most 32 characters')
  .refine((v) => normalizeE164(v) !== undefined, 'must be a valid phone number in E.164, e.g. +14155550123')
  .transform((v) => normalizeE164(v) as string);

export const CAMPAIGN_STATUSES = ['stopped', 'running', 'completed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Statuses of a campaign contact; the last four are final. */
export const CONTACT_STATUSES = ['pending', 'scheduled', 'dialing', 'completed', 'failed', 'exhausted', 'skipped_dnc'] as const;
export type CampaignContactStatus = (typeof CONTACT_STATUSES)[number];
export const FINAL_CONTACT_STATUSES: readonly CampaignContactStatus[] = ['completed', 'failed', 'exhausted', 'skipped_dnc'];

const hhmm = z.string().refine((v) => minutesOf(v) !== undefined, 'must be HH:MM (00:00 to 24:00)');

/** `{ days, start, end }`: local weekdays and wall-clock times, in each contact's own time zone. */
export const CallingWindowInput = z
  .object({
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1, 'at least one day')
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'each day once'),
    start: hhmm,
    end: hhmm,
  })
  .strict()
  .superRefine((w, ctx) => {
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    if (start !== undefined && end !== undefined && start >= end)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start (a window does not span midnight)' });
  })
  .describe(`Calling window in each contact's local time; default ${JSON.stringify(DEFAULT_CALLING_WINDOW)}`);

const retryDelay = isoDuration.nullable();
/** Per outcome, the delay before the next attempt (ISO-8601 duration) or null for no retry; absent outcomes keep their value. */
export const RetryInput = z
  .object({ no_answer: retryDelay, busy: retryDelay, voicemail: retryDelay, failed: retryDelay })
  .partial()
  .strict()
  .describe(`Per outcome, the ISO-8601 delay before the next attempt, or null for none; default ${JSON.stringify(DEFAULT_RETRY)}`);

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 timestamp, e.g. 2026-01-31T18:00:00Z' });

/** The dialling settings of a campaign, every one optional (defaults on create). */
const settings = {
  fromNumber: phoneNumber.nullable().describe("Caller id: one of the team's phone numbers mapped to the campaign's bot"),
  callingWindow: CallingWindowInput,
  defaultTimezone: timezone.nullable().describe("IANA zone of contacts without one; default (null): the bot's timezone"),
  maxConcurrentCalls: z.number().int('must be an integer').min(1, 'at least 1').max(100, 'at most 100').describe('default 5'),
  maxAttempts: z.number().int('must be an integer').min(1, 'at least 1').max(10, 'at most 10').describe('default 3'),
  retry: RetryInput,
  startAt: instant.nullable().describe('No call before this instant; null: none'),
  endAt: instant.nullable().describe('No call from this instant on; then the campaign completes; null: none'),
};

const boundsInOrder = (v: { startAt?: string | null; endAt?: string | null }, ctx: z.RefinementCtx) => {
  if (v.startAt && v.endAt && Date.parse(v.endAt) <= Date.parse(v.startAt))
    ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'must be after startAt' });
};

const name = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');

/** `POST /campaigns`: a name and the bot it calls with; every dialling setting optional. */
export const CampaignCreateInput = z
  .object({ name, botId: objectId, ...settings })
  .partial({ ...Object.fromEntries(Object.keys(settings).map((k) => [k, true])) } as { [K in keyof typeof settings]: true })
  .strict()
  .superRefine(boundsInOrder);
export type CampaignCreate = z.infer<typeof CampaignCreateInput>;

/** `PATCH /campaigns/{id}`: any subset of the name and the dialling settings (the bot is fixed). */
export const CampaignPatchInput = z
  .object({ name, ...settings })
  .partial()
  .strict()
  .superRefine(boundsInOrder);
export type CampaignPatch = z.infer<typeof CampaignPatchInput>;

/** Most contacts one `POST .../contacts` takes. */
export const MAX_CONTACTS_PER_REQUEST = 1000;

const crmName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a variable name: letters, digits and _, at most 64');
const crmValue = z.union([z.string().max(2000, 'at most 2000 characters'), z.number(), z.boolean(), z.null()]);

/**
 * One contact as sent. Its shape is checked for the whole request (400); its content (a valid number, a known zone,
 * the bot's `crm.*` variables) per contact, into `rejected`.
 */
export const CampaignContactInput = z
  .object({
    phone: z.string().max(64, 'at most 64 characters').describe('E.164, e.g. +14155550123'),
    timezone: z
      .string()
      .max(64, 'at most 64 characters')
      .nullable()
      .optional()
      .describe("IANA zone; default: the campaign's defaultTimezone"),
    externalId: z.string().max(128, 'at most 128 characters').nullable().optional().describe('Your own id (CRM record)'),
    variables: z
      .object({
        crm: z
          .record(crmName, crmValue)
          .refine((r) => Object.keys(r).length <= 100, 'at most 100 variables')
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CampaignContactIn = z.infer<typeof CampaignContactInput>;

/** `POST /campaigns/{id}/contacts`. */
export const CampaignContactsInput = z
  .object({ contacts: z.array(CampaignContactInput).min(1, 'at least one contact').max(MAX_CONTACTS_PER_REQUEST, 'at most 1000 contacts') })
  .strict();

/** `GET /campaigns/{id}/contacts?status=`. */
export const CampaignContactListQuery = PageQuery.extend({ status: z.enum(CONTACT_STATUSES).optional() }).strict();

/** `POST /dnc`: numbers to add (E.164, up to 1,000) and why. */
export const DncAddInput = z
  .object({
    numbers: z.array(phoneNumber).min(1, 'at least one number').max(1000, 'at most 1000 numbers'),
    reason: z.string().trim().max(200, 'at most 200 characters').nullable().optional(),
  })
  .strict();
export type DncAdd = z.infer<typeof DncAddInput>;

/** API Gateway hands path parameters over as sent: `%2B` is decoded once. */
const decodedOnce = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};
/** The `{number}` of `DELETE /dnc/{number}`: `+` as is or percent-encoded. */
export const DncParams = z.object({ number: z.string().transform(decodedOnce).pipe(phoneNumber) });

/** The team ceiling's range. */
export const MAX_TEAM_CONCURRENT_CALLS = 1000;
/** `PUT /settings`. */
export const TeamSettingsInput = z
  .object({
    maxConcurrentCalls: z
      .number()
      .int('must be an integer')
      .min(1, 'at least 1')
      .max(MAX_TEAM_CONCURRENT_CALLS, `at most ${MAX_TEAM_CONCURRENT_CALLS}`)
      .describe("The team's ceiling on calls in flight (campaigns and single dialouts together)"),
  })
  .strict();
export type TeamSettingsUpdate = z.infer<typeof TeamSettingsInput>;
