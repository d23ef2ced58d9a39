import { actorOf } from '../../shared/auth/principal.js';
import { addContacts } from '../../shared/domain/campaigns/contacts.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './add-contacts.request.js';

/** `200 { added, duplicates, rejected: [{ index, errors }] }`; 409 once the campaign completed. */
export const handler = api(route('addCampaignContacts'), request, async ({ principal, params, body }) => ({
  body: await addContacts(principal.teamId, params.campaignId, body.contacts, actorOf(principal)),
}));
