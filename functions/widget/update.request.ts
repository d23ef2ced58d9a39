import { WidgetSettingsInput } from '../../shared/domain/widget/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `PUT /bots/{botId}/widget`: `{ enabled?, allowedDomains? }`. */
export const request = { body: WidgetSettingsInput } satisfies RequestSchemas;
