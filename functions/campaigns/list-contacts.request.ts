import { CampaignContactListQuery } from '../../shared/domain/campaigns/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /campaigns/{id}/contacts?status=` and a page. */
export const request = { query: CampaignContactListQuery } satisfies RequestSchemas;
