import { actorOf } from '../../shared/auth/principal.js';
import { createCampaign, toCampaign } from '../../shared/domain/campaigns/campaigns.js';
import { CampaignCreateInput } from '../../shared/domain/campaigns/schema.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';

export const handler = api(
  route('createCampaign'),
  { body: CampaignCreateInput, idempotency: idempotent(route('createCampaign')) },
  async ({ principal, body }) => {
    const campaign = await createCampaign(principal.teamId, body, actorOf(principal));
    return { statusCode: 201, body: toCampaign(campaign), headers: { ETag: etagOf(campaign.version) } };
  },
);
