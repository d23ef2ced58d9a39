import type { Role } from './roles.js';

/**
 * Who is calling: resolved by the Lambda authorizer from the API key and handed to handlers as the
 * authorizer context (`event.requestContext.authorizer.lambda`). Actors that are not API keys (the
 * scheduler, the health check, the operator CLI) use `system:*` emails.
 */
export type Principal = { teamId: string; memberId: string; email: string; role: Role; keyId: string };

export type Actor = { email: string; role: Role | 'system' };

export const actorOf = (p: Principal): Actor => ({ email: p.email, role: p.role });
