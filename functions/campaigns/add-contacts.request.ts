import { CampaignContactsInput } from '../../shared/domain/campaigns/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /campaigns/{id}/contacts`: `{ contacts: [...] }`, up to 1,000. */
export const request = { body: CampaignContactsInput } satisfies RequestSchemas;
