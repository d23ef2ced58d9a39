import type { Bot } from '../bots/model.js';
import { declaredFields, VARIABLE_NAME } from './declarations.js';
import { CALL_RESULT_FIELDS } from './fields.js';

/**
 * The Integration tab's variable reference: every template variable a bot can receive and return,
 * by namespace, generated from the bot's configuration.
 *
 * - `crm.*`: the `{{crm.<name>}}` placeholders in the bot's customPrompt, openingMessage, policy,
 *   reEngagement.messages, analysisPrompt and qcPrompt. Each is required by the dialout API.
 * - `analysis.*` / `qc.*`: the output fields that the analysisPrompt / qcPrompt DECLARE, one placeholder each:
 *
 *       {{analysis.<name>: <type> - <description>}}      e.g. {{analysis.sentiment: enum(positive|neutral|negative) - caller mood}}
 *       {{qc.<name>: <type>}}                            e.g. {{qc.greeted_by_name: boolean}}
 *       {{analysis.<name>}}                              (type string, no description)
 *
 *   `<type>` is `string`, `number`, `integer`, `boolean` or `enum(a|b|c)`; `<name>` is letters, digits and `_`
 *   (at most 64, not starting with a digit). The declaration sits where the prompt asks for the field, so the
 *   prompt reads naturally to the model and stays the single source of the output schema. The telephony side's
 *   `analysis` / `qc` objects are validated against these declarations (`validateDeclaredValues`).
 * - `call.*`, `result.*`, `system.*`: fixed by botops (`call.sipHeaders.*` from the bot's allowedSipHeaders).
 */
export const NAMESPACES = ['call', 'crm', 'result', 'analysis', 'qc', 'system'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'enum';
export type Variable = {
  /** Full name, e.g. `crm.first_name`. */
  name: string;
  type: FieldType;
  /** Allowed values of an `enum`. */
  values?: string[];
  description: string;
  /** For `crm.*`: an excerpt of the first prompt using it; otherwise a sample value. */
  example: string;
  /** `crm.*` only: each configuration field that uses it (`customPrompt`, `reEngagement.messages[1]`...). */
  usedIn?: string[];
  /** `crm.*` only: a plausible value, used by the snippets. */
  sampleValue?: string;
  /** `crm.*` only: a dialout without it answers 422. */
  required?: boolean;
};
export type VariableReference = Record<Namespace, Variable[]>;

const CRM_PLACEHOLDER = new RegExp(`\\{\\{\\s*crm\\.(${VARIABLE_NAME})\\s*\\}\\}`, 'g');

export type BotTexts = Pick<Bot, 'customPrompt' | 'openingMessage' | 'policy' | 'reEngagement' | 'analysisPrompt' | 'qcPrompt'>;

/** The configuration texts that may hold placeholders, each with the field path the reference names. */
export function promptTexts(bot: Partial<BotTexts>): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const add = (field: string, text: string | null | undefined) => text && out.push({ field, text });
  add('customPrompt', bot.customPrompt);
  add('openingMessage', bot.openingMessage);
  add('policy', bot.policy);
  for (const [i, m] of (bot.reEngagement?.messages ?? []).entries()) add(`reEngagement.messages[${i}]`, m);
  add('analysisPrompt', bot.analysisPrompt);
  add('qcPrompt', bot.qcPrompt);
  return out;
}

/** `crm.*` variables in first-use order, with every field using each and an excerpt of its first use. */
export function crmVariables(bot: Partial<BotTexts>): Variable[] {
  const found = new Map<string, Variable>();
  for (const { field, text } of promptTexts(bot)) {
    for (const m of text.matchAll(CRM_PLACEHOLDER)) {
      const key = m[1]!;
      const v = found.get(key);
      if (v) {
        if (!v.usedIn!.includes(field)) v.usedIn!.push(field);
        continue;
      }
      found.set(key, {
        name: `crm.${key}`,
        type: 'string',
        description: `Customer data sent by the CRM in variables.crm.${key}.`,
        example: excerpt(text, m.index, m[0].length),
        usedIn: [field],
        sampleValue: sampleValueFor(key),
        required: true,
      });
    }
  }
  return [...found.values()];
}

/** The plain names (`first_name`) a dialout must send. */
export const requiredCrmNames = (bot: Partial<BotTexts>) => crmVariables(bot).map((v) => v.name.slice(4));

/** Everything of the reference: generated from the configuration, nothing to fill in. */
export function variableReference(bot: Pick<Bot, 'allowedSipHeaders' | 'timezone'> & Partial<BotTexts>): VariableReference {
  return {
    call: [
      { name: 'call.to', type: 'string', description: 'The number called, E.164 (dialout `to`).', example: '+14155550123' },
      {
        name: 'call.from',
        type: 'string',
        description: "The caller id, E.164: one of this bot's phone numbers (dialout `from`), or null when the telephony side picks it.",
        example: '+14155550100',
      },
      { name: 'call.direction', type: 'enum', values: ['outbound'], description: 'Dialout calls are outbound.', example: 'outbound' },
      ...(bot.allowedSipHeaders ?? []).map(
        (h): Variable => ({
          name: `call.sipHeaders.${h}`,
          type: 'string',
          description: `SIP header ${h}, sent in the dialout's sipHeaders (allowed by the bot's allowedSipHeaders).`,
          example: 'value',
        }),
      ),
    ],
    crm: crmVariables(bot),
    result: CALL_RESULT_FIELDS.map((f) => ({
      name: `result.${f.key}`,
      type: f.type,
      ...(f.values ? { values: [...f.values] } : {}),
      description: f.description,
      example: f.example,
    })),
    analysis: declaredFields(bot, 'analysis'),
    qc: declaredFields(bot, 'qc'),
    system: [
      { name: 'system.callId', type: 'string', description: 'The call id (ULID).', example: '01J9Z3NDEKTSV4RRFFQ69G5FAV' },
      { name: 'system.botId', type: 'string', description: 'The bot id.', example: '01J9Z3M8Q2W5E7R9T1Y3U5I7O9' },
      { name: 'system.teamId', type: 'string', description: 'The team id.', example: '01J9Z3K1A2B3C4D5E6F7G8H9J0' },
      {
        name: 'system.queuedAt',
        type: 'string',
        description: 'When the dialout was accepted (ISO-8601 UTC).',
        example: '2030-01-31T10:00:00.000Z',
      },
      {
        name: 'system.ringingAt',
        type: 'string',
        description: 'When the callee started ringing, or null.',
        example: '2030-01-31T10:00:02.000Z',
      },
      {
        name: 'system.startedAt',
        type: 'string',
        description: 'When the call was answered (in_progress), or null.',
        example: '2030-01-31T10:00:07.000Z',
      },
      {
        name: 'system.endedAt',
        type: 'string',
        description: 'When the call completed or failed, or null.',
        example: '2030-01-31T10:03:12.000Z',
      },
      {
        name: 'system.timezone',
        type: 'string',
        description: "The bot's IANA time zone, for rendering the times above.",
        example: bot.timezone ?? 'UTC',
      },
    ],
  };
}

/** A value a CRM might send for `name`, so the generated snippets run as printed. */
export function sampleValueFor(name: string): string {
  const n = name.toLowerCase();
  const rules: [RegExp, string][] = [
    [/first_?name|given/, 'Ada'],
    [/last_?name|surname|family/, 'Lovelace'],
    [/name/, 'Ada Lovelace'],
    [/e_?mail/, 'ada@example.com'],
    [/phone|mobile|number/, '+14155550100'],
    [/company|account|business|org/, 'Acme Inc.'],
    [/date|day/, '2030-01-31'],
    [/time|hour/, '10:30'],
    [/amount|balance|price|total|due/, '42.00'],
    [/city|town/, 'London'],
    [/country/, 'GB'],
    [/id$|_id|ref/, 'CRM-12345'],
  ];
  return rules.find(([re]) => re.test(n))?.[1] ?? `example ${name.replace(/_/g, ' ')}`;
}

/** About 40 characters either side of a match, whitespace collapsed, with ellipses where cut. */
function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 40);
  const end = Math.min(text.length, index + length + 40);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
