import { BotUpdateInput, decorateWizardErrors } from '../../shared/domain/bots/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `PUT /bots/{botId}`: any of the wizard's fields; errors name their wizard step. */
export const request = { body: BotUpdateInput, decorateErrors: decorateWizardErrors } satisfies RequestSchemas;
