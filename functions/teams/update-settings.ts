import { actorOf } from '../../shared/auth/principal.js';
import { toTeamSettings, updateTeamSettings } from '../../shared/domain/team/settings.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './update-settings.request.js';

/** Admin; audited. `If-Match` refuses a stale write (412). */
export const handler = api(route('updateTeamSettings'), request, async ({ principal, body, headers }) => {
  const settings = await updateTeamSettings(
    principal.teamId,
    body.maxConcurrentCalls,
    actorOf(principal),
    requiredVersion(headers['if-match']),
  );
  return { body: toTeamSettings(settings), headers: { ETag: etagOf(settings.version) } };
});
