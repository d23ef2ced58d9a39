import type { FieldError } from '../errors.js';
import type { Bot } from '../bots/bots.js';
import { CALL_RESULT_FIELDS } from './fields.js';

/**
 * The Integration tab's variable reference (seed 004): every template variable a bot can receive and return,
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

const NAME = '[A-Za-z_][A-Za-z0-9_]{0,63}';
const CRM_PLACEHOLDER = new RegExp(`\\{\\{\\s*crm\\.(${NAME})\\s*\\}\\}`, 'g');
/** `{{ ... }}` with no brace inside: linear to scan (the body cannot cross a brace, so no backtracking). */
const OUTPUT_PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME_AT_START = new RegExp(`^(analysis|qc)\\.(${NAME})`);
const SCALAR_TYPES = ['string', 'number', 'integer', 'boolean'] as const;

type Declaration = { ns: 'analysis' | 'qc'; name: string; type: FieldType; values?: string[]; description?: string };

/**
 * Parses the body of one output placeholder (`analysis.<name>[: <type> [- <description>]]`, the text between
 * `{{` and `}}`) by hand, in one pass: prompts are user input of up to 20,000 characters, and a regular
 * expression with optional groups and lazy quantifiers backtracks polynomially on long runs of spaces.
 * Returns undefined when the body is no valid declaration.
 */
function parseDeclaration(body: string): Declaration | undefined {
  const head = NAME_AT_START.exec(body.trimStart());
  if (!head) return undefined;
  const ns = head[1] as 'analysis' | 'qc';
  const name = head[2]!;
  let rest = body.trimStart().slice(head[0].length).trim();
  if (rest === '') return { ns, name, type: 'string' };
  if (!rest.startsWith(':')) return undefined;
  rest = rest.slice(1).trimStart();
  let type: FieldType;
  let values: string[] | undefined;
  const scalar = SCALAR_TYPES.find((t) => rest.startsWith(t));
  if (scalar) {
    type = scalar;
    rest = rest.slice(scalar.length);
  } else if (rest.startsWith('enum(')) {
    const close = rest.indexOf(')');
    const inner = close < 0 ? '' : rest.slice(5, close);
    if (close < 0 || inner.includes('(')) return undefined;
    type = 'enum';
    values = inner
      .split('|')
      .map((v) => v.trim())
      .filter(Boolean);
    rest = rest.slice(close + 1);
  } else return undefined;
  rest = rest.trim();
  if (rest === '') return { ns, name, type, ...(values ? { values } : {}) };
  if (!rest.startsWith('-')) return undefined;
  const description = rest.slice(1).trim();
  return { ns, name, type, ...(values ? { values } : {}), ...(description ? { description } : {}) };
}

const ANY_OUTPUT_PLACEHOLDER = /\{\{\s*(analysis|qc)\.[^{}]*\}\}/g;

type BotTexts = Pick<Bot, 'customPrompt' | 'openingMessage' | 'policy' | 'reEngagement' | 'analysisPrompt' | 'qcPrompt'>;

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

/** Output fields declared by `analysisPrompt` (`ns = 'analysis'`) or `qcPrompt` (`ns = 'qc'`); first declaration wins. */
export function declaredFields(bot: Partial<BotTexts>, ns: 'analysis' | 'qc'): Variable[] {
  const text = (ns === 'analysis' ? bot.analysisPrompt : bot.qcPrompt) ?? '';
  const found = new Map<string, Variable>();
  for (const m of text.matchAll(OUTPUT_PLACEHOLDER)) {
    const d = parseDeclaration(m[1]!);
    if (!d || d.ns !== ns || found.has(d.name)) continue;
    found.set(d.name, {
      name: `${ns}.${d.name}`,
      type: d.type,
      ...(d.values ? { values: d.values } : {}),
      description: d.description || `Declared by the ${ns === 'analysis' ? 'analysis' : 'QC'} prompt.`,
      example: sampleOf(d.type, d.values),
    });
  }
  return [...found.values()];
}

/** Output placeholders that are not valid declarations (unknown type, bad name): shown as warnings. */
export function declarationWarnings(bot: Partial<BotTexts>): string[] {
  const warnings: string[] = [];
  for (const [field, ns] of [
    ['analysisPrompt', 'analysis'],
    ['qcPrompt', 'qc'],
  ] as const) {
    const text = bot[field] ?? '';
    for (const m of text.matchAll(ANY_OUTPUT_PLACEHOLDER)) {
      const valid = parseDeclaration(m[0].slice(2, -2));
      if (!valid)
        warnings.push(
          `${field}: "${m[0]}" is not a field declaration; write {{${ns}.name: string|number|integer|boolean|enum(a|b) - description}}`,
        );
      else if (valid.ns !== ns)
        warnings.push(
          `${field}: "${m[0]}" declares a ${valid.ns}.* field; declare those in ${valid.ns === 'qc' ? 'qcPrompt' : 'analysisPrompt'}`,
        );
    }
  }
  return warnings;
}

/**
 * Checks an `analysis` or `qc` object from the telephony side against the declared fields: every key must be
 * declared and its value of the declared type (or null). Returns problem errors with paths like
 * `analysis.sentiment`; empty when valid.
 */
export function validateDeclaredValues(ns: 'analysis' | 'qc', values: Record<string, unknown>, declared: Variable[]): FieldError[] {
  const byKey = new Map(declared.map((d) => [d.name.slice(ns.length + 1), d]));
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(values)) {
    const d = byKey.get(key);
    const path = `${ns}.${key}`;
    if (!d) {
      const known = [...byKey.keys()];
      errors.push({
        path,
        message: `not declared by the ${ns === 'analysis' ? 'analysisPrompt' : 'qcPrompt'} (declared: ${known.length ? known.join(', ') : 'none'})`,
      });
      continue;
    }
    if (value === null) continue;
    const problem = typeProblem(d, value);
    if (problem) errors.push({ path, message: problem });
  }
  return errors;
}

function typeProblem(d: Variable, value: unknown): string | undefined {
  switch (d.type) {
    case 'string':
      return typeof value === 'string' ? (value.length > 10_000 ? 'at most 10000 characters' : undefined) : 'must be a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'must be an integer';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'enum':
      return typeof value === 'string' && d.values!.includes(value) ? undefined : `must be one of ${d.values!.join(', ')}`;
  }
}

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

function sampleOf(type: FieldType, values?: string[]): string {
  return { string: 'text', number: '4.5', integer: '3', boolean: 'true', enum: values?.[0] ?? '' }[type];
}

/** About 40 characters either side of a match, whitespace collapsed, with ellipses where cut. */
function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 40);
  const end = Math.min(text.length, index + length + 40);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
