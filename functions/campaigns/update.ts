import { actorOf } from '../../shared/auth/principal.js';
import { toCampaign, updateCampaign } from '../../shared/domain/campaigns/campaigns.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './update.request.js';

/** Only while stopped (409); `If-Match` with the campaign's ETag refuses a stale write (412). */
export const handler = api(route('updateCampaign'), request, async ({ principal, params, body, headers }) => {
  const campaign = await updateCampaign(
    principal.teamId,
    params.campaignId,
    body,
    actorOf(principal),
    requiredVersion(headers['if-match']),
  );
  return { body: toCampaign(campaign), headers: { ETag: etagOf(campaign.version) } };
});
