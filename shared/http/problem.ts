import { InvalidCursor, isThrottling } from '../db/errors.js';
import { isConflict, WriteConflict } from '../db/retry.js';
import {
  Conflict,
  DomainError,
  DoNotCall,
  type FieldError,
  Forbidden,
  Invalid,
  NotFound,
  PreconditionFailed,
  RateLimited,
  Unauthenticated,
  Unavailable,
  Unprocessable,
} from '../domain/errors.js';

/**
 * RFC 9457 problem details. The middleware stack in `handler.ts` answers every error with `toProblem(error)` as
 * `application/problem+json`; code of the HTTP layer may also throw an `HttpProblem` itself.
 */
export type ProblemError = FieldError;

export class HttpProblem extends Error {
  readonly expose: boolean;
  /** The last segment of `type` when it is not the title's slug (e.g. `dnc`). */
  typeSlug?: string;
  constructor(
    readonly statusCode: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemError[],
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
    this.expose = statusCode < 500;
  }

  /** The RFC 9457 body. Extension members never replace the standard ones (`type`, `title`, `status`, `detail`). */
  toBody(): Record<string, unknown> {
    return {
      ...this.extra,
      type: `https://botops.dev/problems/${this.typeSlug ?? slug(this.title)}`,
      title: this.title,
      status: this.statusCode,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Seconds a caller refused for DynamoDB throttling is asked to wait (`Retry-After`, RFC 9110 §10.2.3). */
export const THROTTLED_RETRY_AFTER_SECONDS = 1;

const retryAfter = (seconds: number) => ({ 'Retry-After': String(Math.max(1, Math.ceil(seconds))) });

/**
 * The one mapping of errors to problems: each domain and storage error kind to its status, title and members
 * (a `WriteConflict` that outlived its retries is a 409);
 * an error that already is an `HttpProblem` as it is; the body parser's and Powertools idempotency's errors to
 * 415/400/422/409; DynamoDB throttling (what the SDK's own retries left) to 503 with `Retry-After`; any other error
 * with a `statusCode` below 500 to that status; everything else to a bare 500 that reveals nothing.
 */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof DomainError) return domainProblem(error);
  if (isConflict(error)) return new HttpProblem(409, 'Conflict', new WriteConflict().message);
  if (error instanceof InvalidCursor) {
    return new HttpProblem(400, 'Invalid cursor', error.reason, [{ path: 'cursor', message: 'not a cursor issued for this list' }]);
  }
  if (isThrottling(error)) {
    return new HttpProblem(
      503,
      'Service Unavailable',
      'The database is busy; retry shortly.',
      undefined,
      {},
      retryAfter(THROTTLED_RETRY_AFTER_SECONDS),
    );
  }
  const e = error as { name?: string; statusCode?: number; message?: string; cause?: { package?: string } } | null;
  if (e?.cause?.package === '@middy/http-json-body-parser') {
    return e.message === 'Unsupported Media Type'
      ? new HttpProblem(415, 'Unsupported Media Type', 'Send the body as application/json.')
      : new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON.', [{ path: '(body)', message: 'not valid JSON' }]);
  }
  switch (e?.name) {
    case 'IdempotencyValidationError':
      return new HttpProblem(422, 'Idempotency-Key reused', 'This Idempotency-Key was already used with a different body.');
    case 'IdempotencyAlreadyInProgressError':
      return new HttpProblem(409, 'Request in progress', 'A request with this Idempotency-Key is still being processed; retry later.');
  }
  if (e && typeof e.statusCode === 'number' && e.statusCode < 500) {
    return new HttpProblem(e.statusCode, e.message ?? 'Error');
  }
  return new HttpProblem(500, 'Internal Server Error');
}

function domainProblem(error: DomainError): HttpProblem {
  if (error instanceof NotFound) return new HttpProblem(404, 'Not Found', error.message, error.errors);
  if (error instanceof DoNotCall) {
    return Object.assign(new HttpProblem(409, 'Number on the do-not-call list', error.reason, undefined, error.details), {
      typeSlug: 'dnc',
    });
  }
  if (error instanceof Conflict) return new HttpProblem(409, 'Conflict', error.reason, undefined, error.details);
  if (error instanceof Invalid) return new HttpProblem(400, 'Validation failed', error.message, error.errors, error.details);
  if (error instanceof Unprocessable) return new HttpProblem(422, `Unprocessable ${error.subject}`, error.reason, error.errors);
  if (error instanceof Unauthenticated) return new HttpProblem(401, 'Unauthorized', error.message);
  if (error instanceof Forbidden) return new HttpProblem(403, 'Forbidden', error.message, error.errors, error.details);
  if (error instanceof PreconditionFailed) {
    return new HttpProblem(412, 'Precondition Failed', 'If-Match does not match the current ETag: the object changed since you read it.');
  }
  if (error instanceof RateLimited) {
    return new HttpProblem(429, 'Too Many Requests', error.message, undefined, error.details, retryAfter(error.retryAfterSeconds));
  }
  if (error instanceof Unavailable) {
    return new HttpProblem(503, 'Service Unavailable', error.message, undefined, {}, retryAfter(error.retryAfterSeconds));
  }
  return new HttpProblem(500, 'Internal Server Error');
}

/** A problem as one entry of a batch answer: status and title, and the detail unless it is a 5xx (which reveals nothing). */
export type ProblemSummary = { status: number; title: string; detail?: string };

export function problemSummary(error: unknown): ProblemSummary {
  const p = toProblem(error);
  return { status: p.statusCode, title: p.title, ...(p.detail && p.statusCode < 500 ? { detail: p.detail } : {}) };
}

/** `error`'s problem with `headers` added (e.g. CORS headers the browser needs to read it). */
export function withHeaders(error: unknown, headers: Record<string, string>): HttpProblem {
  const p = toProblem(error);
  return new HttpProblem(p.statusCode, p.title, p.detail, p.errors, p.extra, { ...headers, ...p.headers });
}
