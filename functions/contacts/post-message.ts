import { actorOf } from '../../shared/auth/principal.js';
import { postContactMessage } from '../../shared/domain/contacts/contacts.js';
import { toContactStatus } from '../../shared/domain/contacts/store.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';
import { request } from './post-message.request.js';

/**
 * Records a message to or from the contact and answers the resulting bot status (plus `messageId`).
 * A `bot` message while the bot is paused or inactive for the contact is refused with 409.
 */
export const handler = api(route('postContactMessage'), { ...request, idempotency: idempotent() }, async ({ principal, params, body }) => {
  const { state, messageId } = await postContactMessage(principal.teamId, params.botId, params.contactId, body, actorOf(principal));
  return { body: { ...toContactStatus(state), messageId }, headers: { ETag: etagOf(state.version) } };
});
