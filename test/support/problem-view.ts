import { InvalidCursor } from '../../shared/db/errors.js';
import { WriteConflict } from '../../shared/db/retry.js';
import { DomainError } from '../../shared/domain/errors.js';
import { toProblem } from '../../shared/http/problem.js';

/**
 * Domain errors know nothing of HTTP: the API answers each with the problem `toProblem` maps it to. Tests that call
 * domain code directly assert that answer, so in tests every domain error (and the storage layer's cursor and conflict errors)
 * shows its problem's `statusCode`, `title`, `detail`, `errors`, `extra` and `headers`, computed by the one mapping.
 * Installed once per test file by `env.ts`; own properties of an error (`errors` of `Invalid`) win, and agree.
 */
export function showProblemsOnErrors(): void {
  for (const proto of [DomainError.prototype, InvalidCursor.prototype, WriteConflict.prototype]) {
    for (const field of ['statusCode', 'title', 'detail', 'errors', 'extra', 'headers'] as const) {
      Object.defineProperty(proto, field, {
        configurable: true,
        enumerable: false,
        get(this: Error) {
          return toProblem(this)[field];
        },
      });
    }
  }
}
