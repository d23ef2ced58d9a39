import { actorOf } from '../../shared/auth/principal.js';
import { deleteMember } from '../../shared/domain/team/members.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('deleteMember'), {}, async ({ principal, params }) => {
  await deleteMember(principal.teamId, params.memberId, actorOf(principal));
});
