import * as z from 'zod';
import { e164 } from '../bots/schema.js';
import { ANSWERED_BY, ENDED_REASONS, EVENT_TYPES } from './fields.js';

/** Request bodies of the dialout and call-events routes (zod; also documented in /openapi.json). */

export const CallResultInput = z
  .object({
    durationSeconds: z.number().int('must be an integer').min(0).max(86_400).nullable(),
    endedReason: z.enum(ENDED_REASONS).nullable(),
    transferredTo: z.string().max(100).nullable(),
    answeredBy: z.enum(ANSWERED_BY).nullable(),
    recordingUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullable(),
    summary: z.string().max(10_000).nullable(),
  })
  .partial()
  .strict()
  .describe('result.* of a completed or failed call; `status` is set by botops from the event type.');

const crmName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a variable name: letters, digits and _, at most 64');
const crmValue = z.union([z.string().max(2000, 'at most 2000 characters'), z.number(), z.boolean(), z.null()]);

/** `POST .../bots/{botId}/dialout`. */
export const DialoutInput = z
  .object({
    to: e164,
    from: e164
      .optional()
      .describe("One of this bot's phone numbers (the team's DID mapped to this bot); omitted: the telephony side picks one."),
    variables: z
      .object({
        crm: z
          .record(crmName, crmValue)
          .refine((r) => Object.keys(r).length <= 100, 'at most 100 variables')
          .optional()
          .describe(
            'Values for the {{crm.<name>}} placeholders of the bot (GET .../integration lists them); each one the bot uses is required (422 otherwise).',
          ),
      })
      .strict()
      .optional(),
    sipHeaders: z
      .record(z.string().regex(/^X-[A-Za-z0-9-]{1,64}$/, 'must be an X- header name'), z.string().max(256))
      .optional()
      .describe("SIP headers to send with the call; only those in the bot's allowedSipHeaders (422 otherwise)."),
  })
  .strict();
export type Dialout = z.infer<typeof DialoutInput>;

const declared = (ns: 'analysis' | 'qc') =>
  z
    .record(z.string().max(64), z.unknown())
    .describe(
      `${ns}.* values. Each key must be declared in the bot's ${ns === 'analysis' ? 'analysisPrompt' : 'qcPrompt'} with a placeholder ` +
        `{{${ns}.<name>: <type> - <description>}} (type string | number | integer | boolean | enum(a|b|c); without ": <type>" it is a string), ` +
        'and each value must have that type or be null (400 naming the path otherwise).',
    );

/** `POST /calls/{callId}/events` from the telephony side. `result`, `analysis`, `qc` only with a final type. */
export const CallEventInput = z
  .object({
    type: z.enum(EVENT_TYPES),
    at: z.iso
      .datetime({ message: 'must be an ISO-8601 UTC timestamp' })
      .optional()
      .describe('When it happened; default: when botops receives it.'),
    result: CallResultInput.optional(),
    analysis: declared('analysis').optional(),
    qc: declared('qc').optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.type === 'completed' || e.type === 'failed') return;
    for (const k of ['result', 'analysis', 'qc'] as const) {
      if (e[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: `only with type completed or failed` });
    }
  });
export type CallEvent = z.infer<typeof CallEventInput>;
