/**
 * RFC 9457 problem details. Throw an `HttpProblem` anywhere below a handler; the middleware stack in
 * `handler.ts` turns it into an `application/problem+json` response with the same status.
 */
export type ProblemError = { path: string; message: string; step?: string };

export class HttpProblem extends Error {
  readonly expose: boolean;
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
      type: `https://botops.dev/problems/${slug(this.title)}`,
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

export const notFound = (what = 'Resource') => new HttpProblem(404, 'Not Found', `${what} not found.`);
export const conflict = (detail: string, extra: Record<string, unknown> = {}) => new HttpProblem(409, 'Conflict', detail, undefined, extra);
export const forbidden = (detail = 'Your role does not allow this operation.') => new HttpProblem(403, 'Forbidden', detail);
export const preconditionFailed = () =>
  new HttpProblem(412, 'Precondition Failed', 'If-Match does not match the current ETag: the object changed since you read it.');
