import { actorOf } from '../../shared/auth/principal.js';
import { deleteCampaign } from '../../shared/domain/campaigns/campaigns.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** `204`; `409` while the campaign runs. */
export const handler = api(route('deleteCampaign'), {}, async ({ principal, params }) => {
  await deleteCampaign(principal.teamId, params.campaignId!, actorOf(principal));
  return { statusCode: 204 };
});
