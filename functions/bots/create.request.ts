import { BotCreateInput, decorateWizardErrors } from '../../shared/domain/bots/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /bots`: the wizard's fields, `name` required; errors name their wizard step. */
export const request = { body: BotCreateInput, decorateErrors: decorateWizardErrors } satisfies RequestSchemas;
