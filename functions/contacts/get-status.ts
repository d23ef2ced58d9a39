import { getContactStatus } from '../../shared/domain/contacts/contacts.js';
import { toContactStatus } from '../../shared/domain/contacts/store.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './get-status.request.js';

/** Whether the bot is active for the contact, why not, and when it returns. An unseen contact is active. */
export const handler = api(route('getContactBotStatus'), request, async ({ principal, params }) => {
  const state = await getContactStatus(principal.teamId, params.botId, params.contactId);
  return { body: toContactStatus(state), headers: { ETag: etagOf(state.version) } };
});
