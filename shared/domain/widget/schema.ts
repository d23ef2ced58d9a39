import * as z from 'zod';
import { allowedDomainsSchema } from './origins.js';

/**
 * `PUT .../bots/{botId}/widget` (seed 004 "Save settings"): the widget toggle and the allowed domains. The
 * domains are the bot's `allowedDomains` (seed 003), validated and normalised by the same schema as
 * `PUT .../bots/{botId}`. At least one of the two fields; nothing else (the key is changed only by regenerate).
 */
export const WidgetSettingsInput = z
  .object({ enabled: z.boolean(), allowedDomains: allowedDomainsSchema })
  .partial()
  .strict()
  .refine((b) => b.enabled !== undefined || b.allowedDomains !== undefined, 'send enabled and/or allowedDomains');
export type WidgetSettingsPatch = z.infer<typeof WidgetSettingsInput>;
