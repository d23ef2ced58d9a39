import { listContacts } from '../../shared/domain/campaigns/contact-list.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list-contacts.request.js';

export const handler = api(route('listCampaignContacts'), request, async ({ principal, params, query }) => ({
  body: await listContacts(principal.teamId, params.campaignId, query.status, query.limit, query.cursor),
}));
