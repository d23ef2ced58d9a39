import { WidgetPreflightQuery } from '../../shared/domain/widget/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `OPTIONS /widget/v1/sessions?botId=`: the bot the widget script names (a preflight carries no widget key). */
export const request = { query: WidgetPreflightQuery } satisfies RequestSchemas;
