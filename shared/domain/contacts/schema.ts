import * as z from 'zod';
import { PageQuery } from '../paging.js';
import { isoDuration } from '../bots/schema.js';
import { durationMs } from '../duration.js';

/**
 * Request shapes of the contact bot status routes. Kept apart from the
 * repository so `/openapi.json` can document them without the DynamoDB client.
 */
export const CONTACT_STATUSES = ['active', 'inactive'] as const;
export type ContactStatusValue = (typeof CONTACT_STATUSES)[number];

/**
 * Why the bot is off for a contact: an agent switched it off (`manual`), it sent `maxMessagesPerContact` messages
 * (`message_limit`), or a human agent / a workflow wrote to the contact while the matching `sleepOn...` flag was on.
 */
export const INACTIVE_REASONS = ['manual', 'message_limit', 'manual_message', 'workflow_message'] as const;
export type InactiveReason = (typeof INACTIVE_REASONS)[number];

export const SENDERS = ['contact', 'bot', 'manual', 'workflow'] as const;
export type Sender = (typeof SENDERS)[number];

/** Furthest a reactivation may be set: one year, like `autoReactivateAfter`. */
export const MAX_TIMER_MS = 365 * 86_400_000;

/**
 * The caller's own contact id (a CRM id, an e-mail address, an E.164 number...): 1 to 128 of letters, digits and
 * `. _ : @ + = -`, starting with a letter, a digit or `+`. `#` and `/` are excluded: they would split keys and paths.
 */
export const ContactId = z
  .string()
  .regex(/^[A-Za-z0-9+][A-Za-z0-9._:@+=-]{0,127}$/, 'must be 1-128 letters, digits or . _ : @ + = -, starting with a letter, a digit or +');

/**
 * `PUT .../bot-status`: `{ status, reactivateAt? | reactivateAfter? }`. A timer only with `inactive`, at most one
 * of the two, in the future and within a year. `reactivateAt` accepts any offset and is stored in UTC.
 */
export const BotStatusPutInput = z
  .object({
    status: z.enum(CONTACT_STATUSES),
    reactivateAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO-8601 timestamp, e.g. 2026-01-31T18:00:00Z' })
      .nullable()
      .optional(),
    reactivateAfter: isoDuration.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const hasAt = v.reactivateAt != null;
    const hasAfter = v.reactivateAfter != null;
    if (hasAt && hasAfter)
      ctx.addIssue({ code: 'custom', path: ['reactivateAfter'], message: 'give either reactivateAt or reactivateAfter, not both' });
    for (const [field, has] of [
      ['reactivateAt', hasAt],
      ['reactivateAfter', hasAfter],
    ] as const) {
      if (has && v.status !== 'inactive')
        ctx.addIssue({ code: 'custom', path: [field], message: 'a reactivation timer is only allowed with status "inactive"' });
    }
    if (hasAt) {
      const ms = Date.parse(v.reactivateAt!) - Date.now();
      if (ms <= 0) ctx.addIssue({ code: 'custom', path: ['reactivateAt'], message: 'must be in the future' });
      else if (ms > MAX_TIMER_MS) ctx.addIssue({ code: 'custom', path: ['reactivateAt'], message: 'must be within one year' });
    }
  });
export type BotStatusPut = z.infer<typeof BotStatusPutInput>;

/** `POST .../messages`: who wrote to the contact. Only `bot` messages count toward `maxMessagesPerContact`. */
export const MessageInput = z
  .object({
    sender: z.enum(SENDERS),
    text: z.string().max(4000, 'at most 4000 characters').optional(),
  })
  .strict();
export type MessagePost = z.infer<typeof MessageInput>;

/** `GET .../contacts?status=`: without `status`, every contact the bot has a status for, by contact id. */
export const ContactListQuery = PageQuery.extend({ status: z.enum(CONTACT_STATUSES).optional() }).strict();

/** What a fired timer hands the `reactivate-contact` function (see `shared/ports/scheduler.ts`). */
export const ReactivationPayloadInput = z
  .object({
    teamId: z.string().min(1).max(64),
    botId: z.string().min(1).max(64),
    contactId: ContactId,
    generation: z.number().int().min(0),
    version: z.number().int().min(1),
    reactivateAt: z.iso.datetime(),
    reason: z.enum(INACTIVE_REASONS),
    botMessageCount: z.number().int().min(0),
  })
  .strict();

/** The absolute due time of a PUT: `reactivateAt` in UTC, or now + `reactivateAfter`, or no timer (null). */
export function dueTimeOf(input: Pick<BotStatusPut, 'reactivateAt' | 'reactivateAfter'>, now: Date): string | null {
  if (input.reactivateAt != null) return new Date(input.reactivateAt).toISOString();
  if (input.reactivateAfter != null) return new Date(now.getTime() + durationMs(input.reactivateAfter)!).toISOString();
  return null;
}

/** The path parameters of a contact's routes: the bot and the caller's own contact id. */
export const ContactParams = z.object({ botId: z.string(), contactId: ContactId });
