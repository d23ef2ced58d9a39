import { getTeam } from '../../shared/domain/team/store.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('getTeam'), {}, async ({ principal }) => ({ body: await getTeam(principal.teamId) }));
