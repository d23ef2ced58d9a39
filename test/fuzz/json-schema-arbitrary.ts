import fc from 'fast-check';

/** The subset of JSON Schema (2020-12, as zod-to-openapi writes it for OpenAPI 3.1) that the API's requests use. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
};

/**
 * Values that satisfy `schema` (as far as JSON Schema can say: refinements such as "a real IANA zone" or "an
 * https URL to a public host" are the server's to refuse). Collections and strings are kept short so a request
 * stays cheap; the adversarial arbitraries below add the long ones.
 */
export function validValue(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, depth + 1)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((t) => validValue({ ...schema, type: t }, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000, noNaN: true, noDefaultInfinity: true });
    case 'string':
      return stringValue(schema);
    case 'array': {
      const max = Math.min(schema.maxItems ?? 3, 3);
      return fc.array(validValue(schema.items ?? {}, depth + 1), { minLength: Math.min(schema.minItems ?? 0, max), maxLength: max });
    }
    case 'object': {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const required = new Set(schema.required ?? []);
      return fc.record(Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, validValue(s, depth + 1)])), {
        requiredKeys: [...required].filter((k) => k in (schema.properties ?? {})),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * The largest value `schema` allows, as far as its bounds say: every property present, every string at its
 * maxLength (patterned strings once), every array at maxItems (at most 100). Finds limits that only the
 * biggest valid request reaches, such as a stored item's size.
 */
export function maximalValue(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum || 'const' in schema) return validValue(schema, depth);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => maximalValue(s, depth + 1)));
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).filter((t) => t !== 'null');
  const type = types[0];
  if (type === 'string' && !schema.pattern && !schema.format)
    return fc
      .constantFrom('x', 'é', 'a b')
      .map((c) =>
        c.repeat(Math.ceil(Math.min(schema.maxLength ?? 2_000, 20_000) / c.length)).slice(0, Math.min(schema.maxLength ?? 2_000, 20_000)),
      );
  if (type === 'array') {
    const n = Math.min(schema.maxItems ?? 5, 100);
    return fc.array(maximalValue(schema.items ?? {}, depth + 1), { minLength: n, maxLength: n });
  }
  if (type === 'object' && schema.properties && depth <= 4)
    return fc.record(Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, maximalValue(s, depth + 1)])));
  return validValue({ ...schema, type }, depth);
}

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 10_000));
  switch (schema.format) {
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'uri':
    case 'url':
      return fc.webUrl();
  }
  const min = schema.minLength ?? 0;
  return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(schema.maxLength ?? 40, 40)) });
}

/** Every string field that carries a `pattern`, by its path in the body (`tools[].name`). */
export function patternFields(schema: JsonSchema, path = ''): { path: string; pattern: string }[] {
  const out: { path: string; pattern: string }[] = [];
  if (schema.pattern) out.push({ path, pattern: schema.pattern });
  for (const [k, s] of Object.entries(schema.properties ?? {})) out.push(...patternFields(s, path ? `${path}.${k}` : k));
  if (schema.items) out.push(...patternFields(schema.items, `${path}[]`));
  for (const s of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) out.push(...patternFields(s, path));
  return out;
}

/**
 * Strings built to make a backtracking matcher of `pattern` explode: long runs of the characters the pattern
 * accepts (every literal and class member it names), closed by one character it refuses.
 */
export function pathologicalStrings(pattern: string): string[] {
  const chars = [...new Set(pattern.replace(/\\[dws]/g, '').replace(/[\\^$()[\]{}*+?|]/g, ''))].filter((c) => c !== '-');
  const runs = chars.length ? chars : ['a'];
  const out: string[] = [];
  for (const c of runs.slice(0, 6)) {
    out.push(`${c.repeat(60)}!`, `a${c.repeat(4_000)}!`);
  }
  out.push(`${runs.join('').repeat(500)}\u0000`, `${'a_'.repeat(2_000)}!`, `${'1'.repeat(5_000)}x`);
  return out;
}

/** Sets `value` at a dotted path (`a.b`, `tools[].name` sets the first element's field) of a copy of `body`. */
export function setAt(body: unknown, path: string, value: unknown): unknown {
  const root = structuredClone(body ?? {}) as Record<string, unknown>;
  const parts = path.split('.');
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i]!;
    const isArray = raw.endsWith('[]');
    const key = isArray ? raw.slice(0, -2) : raw;
    const last = i === parts.length - 1;
    const obj = node as Record<string, unknown>;
    if (isArray) {
      const arr = Array.isArray(obj[key]) ? (obj[key] as unknown[]) : [];
      obj[key] = arr;
      if (last) {
        arr[0] = value;
      } else {
        arr[0] = typeof arr[0] === 'object' && arr[0] !== null ? arr[0] : {};
        node = arr[0] as Record<string, unknown>;
      }
    } else if (last) {
      obj[key] = value;
    } else {
      obj[key] = typeof obj[key] === 'object' && obj[key] !== null ? obj[key] : {};
      node = obj[key] as Record<string, unknown>;
    }
  }
  return root;
}
