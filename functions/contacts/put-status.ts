import { actorOf } from '../../shared/auth/principal.js';
import { setContactStatus, toContactStatus } from '../../shared/domain/contacts/contacts.js';
import { BotStatusPutInput, ContactParams } from '../../shared/domain/contacts/schema.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

/** Seed 001: switch the bot on or off for one contact, off optionally until `reactivateAt` / for `reactivateAfter`. */
export const handler = api(route('putContactBotStatus'), { body: BotStatusPutInput }, async ({ principal, params, body, headers }) => {
  const contactId = parseOr400(ContactParams, params).contactId;
  const state = await setContactStatus(
    principal.teamId,
    params.botId!,
    contactId,
    body,
    actorOf(principal),
    requiredVersion(headers['if-match']),
  );
  return { statusCode: 200, body: toContactStatus(state), headers: { ETag: etagOf(state.version) } };
});
