import { getTeam } from '../../shared/domain/team/store.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** Who the calling key is: its team, member, email and role. */
export const handler = api(route('getMe'), {}, async ({ principal }) => {
  const team = await getTeam(principal.teamId);
  return {
    body: { teamId: team.id, teamName: team.name, memberId: principal.memberId, email: principal.email, role: principal.role },
    headers: { 'Cache-Control': 'no-store' },
  };
});
