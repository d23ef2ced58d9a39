import * as z from 'zod';

/** A team-scoped object id in a body (ULIDs here; bounded so a body cannot smuggle a huge key). */
export const objectId = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'must be an id');

/** `POST /campaigns`: a name and the bot it calls with. */
export const CampaignCreateInput = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters'),
    botId: objectId,
  })
  .strict();
export type CampaignCreate = z.infer<typeof CampaignCreateInput>;

export const CAMPAIGN_STATUSES = ['stopped', 'running'] as const;
