import { actorOf } from '../../shared/auth/principal.js';
import { createMember } from '../../shared/domain/team.js';
import { MemberCreateInput } from '../../shared/domain/team-schemas.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';

export const handler = api(
  route('createMember'),
  { body: MemberCreateInput, idempotency: idempotent(route('createMember')) },
  async ({ principal, body }) => ({
    statusCode: 201,
    body: await createMember(principal.teamId, body.email, body.role, actorOf(principal)),
  }),
);
