import { actorOf } from '../../shared/auth/principal.js';
import { startCampaign } from '../../shared/domain/campaigns/status.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** The campaign, `running`; its bot is locked (PUT, DELETE and reset answer 409) until it stops. */
export const handler = api(route('startCampaign'), {}, async ({ principal, params }) => ({
  body: await startCampaign(principal.teamId, params.campaignId, actorOf(principal)),
}));
