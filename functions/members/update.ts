import { actorOf } from '../../shared/auth/principal.js';
import { changeMemberRole } from '../../shared/domain/team.js';
import { MemberUpdateInput } from '../../shared/domain/team-schemas.js';
import { ifMatchAccepts } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('updateMember'), { body: MemberUpdateInput }, async ({ principal, params, body, headers }) => ({
  statusCode: 200,
  body: await changeMemberRole(principal.teamId, params.memberId!, body.role, actorOf(principal), (member) =>
    ifMatchAccepts(headers['if-match'], member),
  ),
}));
