import * as z from 'zod';
import { isoTime, nullableTime } from './common.js';

export const WidgetSettings = z
  .object({
    botId: z.string(),
    enabled: z.boolean(),
    allowedDomains: z.array(z.string()),
    allowsAnyOrigin: z.boolean().describe('true when allowedDomains is empty: every origin may open sessions'),
    apiKey: z.string().nullable().describe('The widget key, masked'),
    keyCreatedAt: nullableTime,
    scriptUrl: z.string(),
    embedCode: z.string().nullable().describe('The embed snippet with the key masked'),
    updatedAt: isoTime,
  })
  .meta({ id: 'WidgetSettings' });

export const WidgetKey = z
  .object({ apiKey: z.string(), embedCode: z.string(), keyCreatedAt: isoTime.optional() })
  .meta({ id: 'WidgetKey', description: 'The widget key and embed code in clear' });

export const WidgetSession = z
  .object({
    sessionId: z.string(),
    token: z.string().describe('Signed session (HS256 JWT)'),
    botId: z.string(),
    expiresAt: isoTime,
    appearance: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'WidgetSession' });

export const SigningSecret = z
  .object({ secret: z.string(), previousSecretValidUntil: nullableTime })
  .meta({ id: 'SigningSecret', description: 'The new post-call push signing secret, shown once' });
