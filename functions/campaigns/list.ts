import { listCampaigns } from '../../shared/domain/campaigns/campaigns.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

export const handler = api(route('listCampaigns'), request, async ({ principal, query }) => ({
  body: await listCampaigns(principal.teamId, query.limit, query.cursor),
}));
