import { getStoredCampaign, toCampaign } from '../../shared/domain/campaigns/campaigns.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('getCampaign'), {}, async ({ principal, params }) => {
  const campaign = await getStoredCampaign(principal.teamId, params.campaignId);
  return { body: toCampaign(campaign), headers: { ETag: etagOf(campaign.version) } };
});
