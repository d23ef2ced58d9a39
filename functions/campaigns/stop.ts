import { actorOf } from '../../shared/auth/principal.js';
import { stopCampaign } from '../../shared/domain/campaigns/status.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** The campaign, `stopped`; its lock on the bot is released. */
export const handler = api(route('stopCampaign'), {}, async ({ principal, params }) => ({
  body: await stopCampaign(principal.teamId, params.campaignId, actorOf(principal)),
}));
