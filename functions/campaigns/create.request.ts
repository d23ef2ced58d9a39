import { CampaignCreateInput } from '../../shared/domain/campaigns/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /campaigns`: `{ name, botId }` and any dialling setting. */
export const request = { body: CampaignCreateInput } satisfies RequestSchemas;
