import { actorOf } from '../../shared/auth/principal.js';
import { postContactMessage, toContactStatus } from '../../shared/domain/contacts/contacts.js';
import { ContactParams, MessageInput } from '../../shared/domain/contacts/schema.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';

/**
 * Records a message to or from the contact and answers 201 with the resulting bot status (plus `messageId`).
 * A `bot` message while the bot is paused or inactive for the contact is refused with 409.
 */
export const handler = api(
  route('postContactMessage'),
  { body: MessageInput, idempotency: idempotent(route('postContactMessage')) },
  async ({ principal, params, body }) => {
    const contactId = parseOr400(ContactParams, params).contactId;
    const { state, messageId } = await postContactMessage(principal.teamId, params.botId!, contactId, body, actorOf(principal));
    return { statusCode: 201, body: { ...toContactStatus(state), messageId }, headers: { ETag: etagOf(state.version) } };
  },
);
