import { getTeamSettings, toTeamSettings } from '../../shared/domain/team/settings.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** A team that never set its ceiling has the default (10). */
export const handler = api(route('getTeamSettings'), {}, async ({ principal }) => {
  const settings = await getTeamSettings(principal.teamId);
  return { body: toTeamSettings(settings), headers: { ETag: etagOf(settings.version) } };
});
