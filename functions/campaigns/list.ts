import { listCampaigns } from '../../shared/domain/campaigns/campaigns.js';
import { api } from '../../shared/http/handler.js';
import { PageQuery } from '../../shared/domain/paging.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

export const handler = api(route('listCampaigns'), {}, async ({ principal, query }) => {
  const { limit, cursor } = parseOr400(PageQuery, query);
  return { statusCode: 200, body: await listCampaigns(principal.teamId, limit, cursor) };
});
