import { actorOf } from '../../shared/auth/principal.js';
import { createMember } from '../../shared/domain/team/members.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';
import { request } from './create.request.js';

export const handler = api(route('createMember'), { ...request, idempotency: idempotent() }, async ({ principal, body }) => ({
  body: await createMember(principal.teamId, body.email, body.role, actorOf(principal)),
}));
