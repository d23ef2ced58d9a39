import type { FieldError } from '../errors.js';
import type { BotTexts, FieldType, Variable } from './variables.js';

/**
 * The output fields an analysis or QC prompt declares, one placeholder each where the prompt asks for the field:
 *
 *     {{analysis.<name>: <type> - <description>}}      e.g. {{analysis.sentiment: enum(positive|neutral|negative) - caller mood}}
 *     {{qc.<name>: <type>}}                            e.g. {{qc.greeted_by_name: boolean}}
 *     {{analysis.<name>}}                              (type string, no description)
 *
 * `<type>` is `string`, `number`, `integer`, `boolean` or `enum(a|b|c)`; `<name>` is letters, digits and `_` (at
 * most 64, not starting with a digit). The prompt stays the single source of the output schema: the telephony
 * side's `analysis` / `qc` objects are validated against these declarations (`validateDeclaredValues`).
 */

/** A variable name: letters, digits and `_`, at most 64, not starting with a digit. */
export const VARIABLE_NAME = '[A-Za-z_][A-Za-z0-9_]{0,63}';
/** `{{ ... }}` with no brace inside: linear to scan (the body cannot cross a brace, so no backtracking). */
const OUTPUT_PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME_AT_START = new RegExp(`^(analysis|qc)\\.(${VARIABLE_NAME})`);
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

/** A sample value of a declared type. */
export function sampleOf(type: FieldType, values?: string[]): string {
  return { string: 'text', number: '4.5', integer: '3', boolean: 'true', enum: values?.[0] ?? '' }[type];
}
