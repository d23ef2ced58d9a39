import { actorOf } from '../../shared/auth/principal.js';
import { changeMemberRole } from '../../shared/domain/team/members.js';
import { ifMatchAccepts } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './update.request.js';

/** A member is not versioned: `If-Match` is compared with the ETag of the member as it is now. */
export const handler = api(route('updateMember'), request, async ({ principal, params, body, headers }) => ({
  body: await changeMemberRole(principal.teamId, params.memberId, body.role, actorOf(principal), (member) =>
    ifMatchAccepts(headers['if-match'], member),
  ),
}));
