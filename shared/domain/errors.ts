/**
 * What a domain rule refuses, in the domain's own terms. These errors know nothing of HTTP: `shared/http/problem.ts`
 * maps each kind to one RFC 9457 problem (status, title, detail, extension members), and it is the only place that
 * does. Domain code throws them; handlers let them through.
 */

/** One offending field: `path` in the form `a.b[2].c`, a message a person can act on, and the wizard `step` it belongs to. */
export type FieldError = { path: string; message: string; step?: string };

/** Base of every domain error, so the mapping can tell a refused request from a failure of botops itself. */
export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The object does not exist, or belongs to another team (one answer for both: ids of other teams never leak).
 * `errors` names the request field that referred to it, when the id came in the body.
 */
export class NotFound extends DomainError {
  constructor(
    readonly entity: string,
    readonly errors?: FieldError[],
  ) {
    super(`${entity} not found.`);
  }
}

/**
 * The request contradicts the object's current state (a running connector cannot be edited, a number maps to one
 * bot...), or the object kept changing while the request tried to write it. `reason` says what to do about it;
 * `details` are facts the caller can act on, returned beside it (e.g. `{ status: "online" }`).
 */
export class Conflict extends DomainError {
  constructor(
    readonly reason: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(reason);
  }
}

/** The number is on the team's do-not-call list: no call to it is placed (a single dialout answers 409, type `.../dnc`). */
export class DoNotCall extends Conflict {
  constructor(readonly number: string) {
    super(`${number} is on the team's do-not-call list; no call is placed. Remove it from the list first if it may be called.`, { number });
  }
}

/** Running campaigns lock their bot: editing, deleting and resetting it wait until they stop. `action` is the verb refused. */
export class Locked extends Conflict {
  constructor(
    readonly campaigns: { id: string; name: string }[],
    action: string,
  ) {
    super(`The bot is used by running campaign(s) ${campaigns.map((c) => `"${c.name}"`).join(', ')}; stop them before you ${action} it.`, {
      campaigns,
    });
  }
}

/**
 * Fields of the request break a rule (validation). `details` are extra facts about them (e.g. the first invalid
 * wizard step); `reason` replaces the default "<n> invalid field(s)." when the rule spans the fields.
 */
export class Invalid extends DomainError {
  constructor(
    readonly errors: FieldError[],
    readonly details: Record<string, unknown> = {},
    reason = `${errors.length} invalid field(s).`,
  ) {
    super(reason);
  }
}

/**
 * A well-formed request that cannot be carried out as asked because of what it refers to (a dialout missing the
 * variables its bot uses, or calling from another bot's number). `subject` names the operation (`dialout`).
 */
export class Unprocessable extends DomainError {
  constructor(
    readonly subject: string,
    readonly reason: string,
    readonly errors: FieldError[],
  ) {
    super(reason);
  }
}

/** No valid credential came with the request (an API key, a widget key). */
export class Unauthenticated extends DomainError {}

/**
 * The caller is known but may not do this: its role is too low (for the operation, or for the `errors` fields it
 * changes), or the object refuses it (`details.reason`).
 */
export class Forbidden extends DomainError {
  constructor(
    reason = 'Your role does not allow this operation.',
    readonly details: Record<string, unknown> = {},
    readonly errors?: FieldError[],
  ) {
    super(reason);
  }
}

/** The write required a version of the object that is no longer the current one (the caller read it before a change). */
export class PreconditionFailed extends DomainError {
  constructor() {
    super('The object changed since the version the request requires.');
  }
}

/** More requests than the limit allows in the current window; `retryAfterSeconds` (>= 1) until the next one may pass. */
export class RateLimited extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    reason: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(reason);
  }
}

/** The work cannot be taken now (a background job could not be started); worth retrying after `retryAfterSeconds`. */
export class Unavailable extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    reason: string,
  ) {
    super(reason);
  }
}
