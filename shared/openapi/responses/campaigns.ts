import * as z from 'zod';
import { CAMPAIGN_STATUSES, CONTACT_STATUSES as CAMPAIGN_CONTACT_STATUSES } from '../../domain/campaigns/schema.js';
import { OUTCOMES, WEEKDAYS } from '../../domain/campaigns/schedule.js';
import { isoTime, nullableTime } from './common.js';

const CallingWindow = z
  .object({ days: z.array(z.enum(WEEKDAYS)), start: z.string(), end: z.string() })
  .meta({ id: 'CallingWindow', description: "Local weekdays and HH:MM times, in each contact's own time zone" });

const retryDelay = z.string().nullable().describe('ISO-8601 duration, or null for no retry');

export const Campaign = z
  .object({
    id: z.string(),
    name: z.string(),
    botId: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    fromNumber: z.string().nullable().describe('Caller id (E.164), a team number mapped to the bot'),
    callingWindow: CallingWindow,
    defaultTimezone: z.string().nullable().describe("IANA zone of contacts without one; null: the bot's timezone"),
    maxConcurrentCalls: z.number().int(),
    maxAttempts: z.number().int(),
    retry: z.object({ no_answer: retryDelay, busy: retryDelay, voicemail: retryDelay, failed: retryDelay }),
    startAt: nullableTime,
    endAt: nullableTime,
    progress: z
      .object({
        total: z.number().int(),
        ...(Object.fromEntries(CAMPAIGN_CONTACT_STATUSES.map((st) => [st, z.number().int()])) as Record<
          (typeof CAMPAIGN_CONTACT_STATUSES)[number],
          z.ZodNumber
        >),
      })
      .describe('Contacts per status'),
    inFlight: z.number().int().describe('Calls of the campaign in flight now'),
    createdAt: isoTime,
    updatedAt: isoTime,
    startedAt: nullableTime,
    stoppedAt: nullableTime,
    completedAt: nullableTime,
  })
  .meta({ id: 'Campaign' });

export const CampaignContact = z
  .object({
    phone: z.string().describe('E.164'),
    timezone: z.string().nullable(),
    externalId: z.string().nullable(),
    status: z.enum(CAMPAIGN_CONTACT_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: nullableTime.describe('When the next attempt is due (pending or scheduled); null once final'),
    lastOutcome: z.enum(OUTCOMES).nullable(),
    callIds: z.array(z.string()),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CampaignContact' });

export const AddContactsResult = z
  .object({
    added: z.number().int(),
    duplicates: z.number().int().describe('Numbers already in the campaign, or twice in the request'),
    rejected: z.array(z.object({ index: z.number().int(), errors: z.array(z.object({ path: z.string(), message: z.string() })) })),
  })
  .meta({ id: 'AddContactsResult' });

export const DncEntry = z
  .object({ number: z.string().describe('E.164'), reason: z.string().nullable(), addedAt: isoTime, addedBy: z.string() })
  .meta({ id: 'DncEntry' });

export const DncAdded = z.object({ added: z.number().int().describe('Numbers that were not on the list yet') }).meta({ id: 'DncAdded' });

export const TeamSettings = z
  .object({
    maxConcurrentCalls: z.number().int().describe("The team's ceiling on calls in flight"),
    inFlight: z.number().int().describe('Calls in flight now'),
    updatedAt: nullableTime,
  })
  .meta({ id: 'TeamSettings' });

export const PhoneNumber = z
  .object({ number: z.string().describe('E.164'), botId: z.string(), createdAt: isoTime })
  .meta({ id: 'PhoneNumber' });
