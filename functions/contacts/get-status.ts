import { getContactStatus, toContactStatus } from '../../shared/domain/contacts/contacts.js';
import { ContactParams } from '../../shared/domain/contacts/schema.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

/** Seed 001: whether the bot is active for the contact, why not, and when it returns. An unseen contact is active. */
export const handler = api(route('getContactBotStatus'), {}, async ({ principal, params }) => {
  const state = await getContactStatus(principal.teamId, params.botId!, parseOr400(ContactParams, params).contactId);
  return { statusCode: 200, body: toContactStatus(state), headers: { ETag: etagOf(state.version) } };
});
