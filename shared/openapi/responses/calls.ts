import * as z from 'zod';
import { CALL_STATUSES } from '../../domain/calls/fields.js';
import { NAMESPACES } from '../../domain/calls/variables.js';
import { CONTACT_STATUSES, INACTIVE_REASONS } from '../../domain/contacts/schema.js';
import { isoTime, nullableTime } from './common.js';

const VariableSchema = z
  .object({
    name: z.string(),
    type: z.enum(['string', 'number', 'integer', 'boolean', 'enum']),
    values: z.array(z.string()).optional(),
    description: z.string(),
    example: z.string(),
    usedIn: z.array(z.string()).optional(),
    sampleValue: z.string().optional(),
    required: z.boolean().optional(),
  })
  .meta({ id: 'Variable' });

export const Integration = z
  .object({
    botId: z.string(),
    variables: z.object(
      Object.fromEntries(NAMESPACES.map((ns) => [ns, z.array(VariableSchema)])) as Record<
        (typeof NAMESPACES)[number],
        z.ZodArray<typeof VariableSchema>
      >,
    ),
    dialout: z.object({
      method: z.literal('POST'),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.record(z.string(), z.unknown()),
    }),
    snippets: z.object({ curl: z.string(), python: z.string(), node: z.string() }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Integration' });

const PushAttempt = z.object({
  attempt: z.number().int(),
  at: isoTime,
  url: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
});

export const Call = z
  .object({
    id: z.string(),
    botId: z.string(),
    status: z.enum(CALL_STATUSES),
    direction: z.literal('outbound'),
    to: z.string(),
    from: z.string().nullable(),
    variables: z.object({ crm: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) }),
    sipHeaders: z.record(z.string(), z.string()),
    result: z.record(z.string(), z.unknown()).nullable(),
    analysis: z.record(z.string(), z.unknown()).nullable(),
    qc: z.record(z.string(), z.unknown()).nullable(),
    events: z.array(z.object({ type: z.enum(CALL_STATUSES), at: isoTime })),
    push: z
      .object({
        status: z.enum(['pending', 'retrying', 'delivered', 'failed', 'cancelled']),
        url: z.string(),
        attempts: z.array(PushAttempt),
        nextAttemptAt: nullableTime,
      })
      .nullable(),
    queuedAt: isoTime,
    ringingAt: nullableTime,
    startedAt: nullableTime,
    endedAt: nullableTime,
    updatedAt: isoTime,
    campaignId: z.string().optional().describe('Campaign calls: the campaign'),
    attempt: z.number().int().optional().describe("Campaign calls: the contact's attempt number (1-based)"),
  })
  .meta({ id: 'Call' });

export const QueuedCall = Call.extend({
  callId: z.string(),
  queuePosition: z
    .number()
    .int()
    .optional()
    .describe("With status waiting: the call's place in the team's queue of calls waiting for a slot (1 = next)"),
}).meta({
  id: 'QueuedCall',
  description: 'The accepted dialout: the call, and its id again as callId; status waiting when the team is at its ceiling',
});

export const ContactStatus = z
  .object({
    contactId: z.string(),
    status: z.enum(CONTACT_STATUSES),
    reason: z.enum(INACTIVE_REASONS).nullable(),
    reactivateAt: nullableTime,
    botMessageCount: z.number().int(),
    updatedAt: nullableTime,
  })
  .meta({ id: 'ContactStatus' });

export const ContactMessageResult = ContactStatus.extend({ messageId: z.string() }).meta({ id: 'ContactMessageResult' });
