import { actorOf } from '../../shared/auth/principal.js';
import { createCampaign, toCampaign } from '../../shared/domain/campaigns/campaigns.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { idempotent } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';
import { request } from './create.request.js';

export const handler = api(route('createCampaign'), { ...request, idempotency: idempotent() }, async ({ principal, body }) => {
  const campaign = await createCampaign(principal.teamId, body, actorOf(principal));
  return { body: toCampaign(campaign), headers: { ETag: etagOf(campaign.version) } };
});
