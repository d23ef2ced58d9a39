import { actorOf } from '../../shared/auth/principal.js';
import { setContactStatus } from '../../shared/domain/contacts/contacts.js';
import { toContactStatus } from '../../shared/domain/contacts/store.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './put-status.request.js';

/** Switches the bot on or off for one contact, off optionally until `reactivateAt` / for `reactivateAfter`. */
export const handler = api(route('putContactBotStatus'), request, async ({ principal, params, body, headers }) => {
  const required = requiredVersion(headers['if-match']);
  const state = await setContactStatus(principal.teamId, params.botId, params.contactId, body, actorOf(principal), required);
  return { body: toContactStatus(state), headers: { ETag: etagOf(state.version) } };
});
