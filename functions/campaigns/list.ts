import { listCampaigns } from '../../shared/domain/campaigns/campaigns.js';
import { api } from '../../shared/http/handler.js';
import { pageParams } from '../../shared/http/paging.js';
import { route } from '../routes.js';

export const handler = api(route('listCampaigns'), {}, async ({ principal, query }) => {
  const { limit, cursor } = pageParams(query);
  return { statusCode: 200, body: await listCampaigns(principal.teamId, limit, cursor) };
});
