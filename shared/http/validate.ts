import type { z } from 'zod';
import { HttpProblem, type ProblemError } from './problem.js';

/** `a.b[2].c` from a zod issue path: the form every problem `errors[].path` uses. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Zod issues as problem errors; an unrecognized key is reported at its own path, one error per key. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): ProblemError[] {
  const out: ProblemError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out.push({ path: formatPath([...issue.path, k]), message: 'unknown or read-only field' });
    } else {
      out.push({ path: formatPath(issue.path) || '(body)', message: issue.message });
    }
  }
  return out;
}

/**
 * Parses `input` with `schema` or throws 400 problem+json listing every offending path.
 * `decorate` lets a domain add fields (the bot wizard adds `step` and `firstInvalidStep`).
 */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  input: unknown,
  decorate?: (errors: ProblemError[]) => { errors: ProblemError[]; details?: Record<string, unknown> },
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const plain = issuesToErrors(result.error.issues);
  const { errors, details } = decorate ? decorate(plain) : { errors: plain, details: {} };
  throw new HttpProblem(400, 'Validation failed', `${errors.length} invalid field(s).`, errors, details ?? {});
}
