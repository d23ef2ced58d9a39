import { TeamSettingsInput } from '../../shared/domain/campaigns/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `PUT /settings`: `{ maxConcurrentCalls }`. */
export const request = { body: TeamSettingsInput } satisfies RequestSchemas;
