/**
 * Errors of the storage layer that reach a caller. Like the domain errors they know nothing of HTTP;
 * `shared/http/problem.ts` maps them.
 */

/**
 * A list cursor that this list did not issue: malformed, edited, copied from another list or team, or pointing
 * outside the list's key range. `reason` says which, for the caller.
 */
export class InvalidCursor extends Error {
  constructor(readonly reason = 'The cursor is malformed or belongs to another list.') {
    super(reason);
    this.name = 'InvalidCursor';
  }
}
