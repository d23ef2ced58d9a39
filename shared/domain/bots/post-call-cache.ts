import type { Actor } from '../../auth/principal.js';
import { Conflict } from '../errors.js';
import { getStoredBot } from './bots.js';
import { type PostCallCache, type StoredBot, defaultPostCallCache } from './model.js';
import { changeBot } from './lifecycle.js';

/**
 * Post-call cache: whether post-call analysis reuses a cached build of the bot's analysis and QC
 * prompts. The state lives on the bot item (`postCallCache`), so it is read with the prompts in one GetItem and
 * a refresh is checked against the prompts it was decided on (the write is conditional on the bot's version).
 */
export type PostCallCacheStatus = {
  enabled: boolean;
  analysisPromptConfigured: boolean;
  qcPromptConfigured: boolean;
  version: number;
  refreshedBy: string | null;
  refreshedAt: string | null;
};

const configured = (prompt: string | null | undefined) => typeof prompt === 'string' && prompt.trim().length > 0;
const cacheOf = (bot: StoredBot): PostCallCache => ({ ...defaultPostCallCache(), ...bot.postCallCache });

/** The API shape of `GET .../post-call-cache`. */
export function postCallCacheStatus(bot: StoredBot): PostCallCacheStatus {
  const c = cacheOf(bot);
  return {
    enabled: c.enabled,
    analysisPromptConfigured: configured(bot.analysisPrompt),
    qcPromptConfigured: configured(bot.qcPrompt),
    version: c.version,
    refreshedBy: c.refreshedBy,
    refreshedAt: c.refreshedAt,
  };
}

export async function getPostCallCache(teamId: string, botId: string): Promise<PostCallCacheStatus> {
  return postCallCacheStatus(await getStoredBot(teamId, botId));
}

/** `POST .../post-call-cache/enable` · `/disable` (admin): audited as `post_call_cache_enable` / `_disable`. */
export async function setPostCallCacheEnabled(teamId: string, botId: string, enabled: boolean, actor: Actor): Promise<PostCallCacheStatus> {
  const bot = await changeBot(teamId, botId, actor, (current) => {
    const before = cacheOf(current);
    return {
      set: { postCallCache: { ...before, enabled } },
      audit: {
        action: enabled ? 'post_call_cache_enable' : 'post_call_cache_disable',
        changes: { 'postCallCache.enabled': { before: before.enabled, after: enabled } },
      },
    };
  });
  return postCallCacheStatus(bot);
}

/**
 * `POST .../post-call-cache/refresh` (admin): version + 1, `refreshedBy` the caller's email, `refreshedAt` now.
 * 409 when neither an analysis nor a QC prompt is configured: there is nothing to cache.
 */
export async function refreshPostCallCache(teamId: string, botId: string, actor: Actor): Promise<PostCallCacheStatus> {
  const bot = await changeBot(teamId, botId, actor, (current) => {
    if (!configured(current.analysisPrompt) && !configured(current.qcPrompt)) {
      throw new Conflict(
        'The bot has no analysis or QC prompt configured: there is nothing to cache. Set analysisPrompt or qcPrompt first.',
      );
    }
    const before = cacheOf(current);
    const after = { ...before, version: before.version + 1, refreshedBy: actor.email, refreshedAt: new Date().toISOString() };
    return {
      set: { postCallCache: after },
      audit: {
        action: 'post_call_cache_refresh',
        changes: {
          'postCallCache.version': { before: before.version, after: after.version },
          'postCallCache.refreshedBy': { before: before.refreshedBy, after: after.refreshedBy },
        },
      },
    };
  });
  return postCallCacheStatus(bot);
}
