import { actorOf } from '../../shared/auth/principal.js';
import { deleteCampaign } from '../../shared/domain/campaigns/campaigns.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** Only a stopped campaign (409 while it runs). */
export const handler = api(route('deleteCampaign'), {}, async ({ principal, params }) => {
  await deleteCampaign(principal.teamId, params.campaignId, actorOf(principal));
});
