import { CampaignPatchInput } from '../../shared/domain/campaigns/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `PATCH /campaigns/{id}`: any subset of the name and the dialling settings. */
export const request = { body: CampaignPatchInput } satisfies RequestSchemas;
