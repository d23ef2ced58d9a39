import * as z from 'zod';
import { formatAllowedDomain, parseAllowedDomain } from './origins.js';

/** One `allowedDomains` entry, validated and normalised by the rules of `origins.ts`. */
export const allowedDomainEntry = z
  .string()
  .max(300, 'at most 300 characters')
  .transform((value, ctx) => {
    const parsed = parseAllowedDomain(value);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return formatAllowedDomain(parsed);
  });

/** `allowedDomains` (bot field, step `widget`): at most 50 entries, normalised, duplicates removed in order. */
export const allowedDomainsSchema = z
  .array(allowedDomainEntry)
  .max(50, 'at most 50 domains')
  .transform((list) => [...new Set(list)]);

/**
 * `PUT .../bots/{botId}/widget`: the widget toggle and the allowed domains. The
 * domains are the bot's `allowedDomains`, validated and normalised by the same schema as
 * `PUT .../bots/{botId}`. At least one of the two fields; nothing else (the key is changed only by regenerate).
 */
export const WidgetSettingsInput = z
  .object({ enabled: z.boolean(), allowedDomains: allowedDomainsSchema })
  .partial()
  .strict()
  .refine((b) => b.enabled !== undefined || b.allowedDomains !== undefined, 'send enabled and/or allowedDomains');
export type WidgetSettingsPatch = z.infer<typeof WidgetSettingsInput>;

/**
 * `OPTIONS /widget/v1/sessions?botId=`: a preflight carries no widget key, so the script names its bot here. Any
 * value is accepted: a missing or unknown bot is refused like a foreign origin (403), never with a 400.
 */
export const WidgetPreflightQuery = z.object({ botId: z.string().optional() });
