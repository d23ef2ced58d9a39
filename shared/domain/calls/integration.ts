import type { StoredBot } from '../bots/model.js';
import { snippets } from './snippets.js';
import { type VariableReference, variableReference } from './variables.js';
import { declarationWarnings } from './declarations.js';

/** `GET .../bots/{botId}/integration`: everything the Integration tab shows, generated. */
export type Integration = {
  botId: string;
  variables: VariableReference;
  dialout: { method: 'POST'; url: string; headers: Record<string, string>; body: Record<string, unknown> };
  snippets: { curl: string; python: string; node: string };
  /** Output placeholders in the analysis/QC prompts that are not valid declarations. */
  warnings: string[];
};

/** Example `to` of the snippets: a fictional number of the North American 555-01xx range. */
export const EXAMPLE_TO = '+14155550123';

/**
 * The bot's integration reference. `baseUrl` is the API's public origin as the caller reached it (so the snippets
 * point at this deployment); the dialout URL is `<baseUrl>/api/teams/<teamId>/bots/<botId>/dialout`.
 */
export function buildIntegration(bot: StoredBot, teamId: string, baseUrl: string): Integration {
  const variables = variableReference(bot);
  const crm = Object.fromEntries(variables.crm.map((v) => [v.name.slice(4), v.sampleValue ?? '']));
  const body: Record<string, unknown> = { to: EXAMPLE_TO, variables: { crm } };
  const url = `${baseUrl.replace(/\/+$/, '')}/api/teams/${teamId}/bots/${bot.id}/dialout`;
  return {
    botId: bot.id,
    variables,
    dialout: {
      method: 'POST',
      url,
      headers: {
        Authorization: 'Bearer $BOTOPS_API_KEY',
        'Content-Type': 'application/json',
        'Idempotency-Key': '<unique per call, e.g. the CRM event id>',
      },
      body,
    },
    snippets: snippets({ url, body, botName: bot.name }),
    warnings: declarationWarnings(bot),
  };
}
