import * as z from 'zod';
import { BotUpdateInput } from '../../domain/bots/schema.js';
import { isoTime, nullableTime } from './common.js';

export const PostCallCache = z
  .object({ enabled: z.boolean(), version: z.number().int(), refreshedBy: z.string().nullable(), refreshedAt: nullableTime })
  .meta({ id: 'PostCallCache' });

export const PostCallCacheStatus = z
  .object({
    enabled: z.boolean(),
    analysisPromptConfigured: z.boolean(),
    qcPromptConfigured: z.boolean(),
    version: z.number().int(),
    refreshedBy: z.string().nullable(),
    refreshedAt: nullableTime,
  })
  .meta({ id: 'PostCallCacheStatus' });

export const CampaignRef = z.object({ id: z.string(), name: z.string() }).meta({ id: 'CampaignRef' });

/** The bot object: every editable field (the wizard's steps) plus what botops maintains. */
export const Bot = BotUpdateInput.required()
  .extend({
    id: z.string(),
    indexId: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
    status: z.enum(['pending', 'indexing', 'processing', 'ready']),
    questionCount: z.number().int(),
    pageCount: z.number().int(),
    sourceCount: z.number().int(),
    chunkCount: z.number().int(),
    active: z.boolean().describe('false while paused: the bot answers nobody'),
    lockedByCampaigns: z.array(CampaignRef).describe('Running campaigns that lock the configuration'),
    postCallCache: PostCallCache,
  })
  .meta({ id: 'Bot' });

export const Message = z.object({ message: z.string() }).meta({ id: 'Message' });
