import type { paths } from '../../api/schema';
import type { Bot } from '../../api/types';

export type BotBody = NonNullable<paths['/api/teams/{teamId}/bots/{botId}']['put']['requestBody']>['content']['application/json'];
export type Field = keyof BotBody;

/** The wizard's steps, in the API's order (its errors name them; `firstInvalidStep` is one of these ids). */
export const STEPS = [
  { id: 'identity', title: 'Identity' },
  { id: 'instructions', title: 'Instructions' },
  { id: 'policy', title: 'Policy' },
  { id: 'voice_pipeline', title: 'Voice Pipeline' },
  { id: 'behavior', title: 'Behavior' },
  { id: 'tools_integrations', title: 'Tools & Integrations' },
  { id: 'widget', title: 'Widget' },
] as const;

/**
 * What the form edits: the bot body, with numbers kept as the text typed (converted on save, so the API names a
 * wrong value at its field), and only the top-level fields a person changed are sent: the API keeps absent fields
 * (update) or applies its defaults (create).
 */
export type Draft = { values: Partial<BotBody>; text: Record<string, string>; touched: Set<Field> };

export const NUMBER_FIELDS = [
  'maxCallDurationSeconds',
  'minWordsToInterrupt',
  'maxMessagesPerContact',
  'reEngagement.gapSeconds',
  'reEngagement.retries',
  'vad.threshold',
  'vad.silenceMs',
  'vad.prefixPaddingMs',
] as const;

export function draftOf(bot: Bot | undefined): Draft {
  const text: Record<string, string> = {};
  if (bot) {
    text.maxCallDurationSeconds = String(bot.maxCallDurationSeconds);
    text.minWordsToInterrupt = String(bot.minWordsToInterrupt);
    text.maxMessagesPerContact = bot.maxMessagesPerContact == null ? '' : String(bot.maxMessagesPerContact);
    text['reEngagement.gapSeconds'] = String(bot.reEngagement.gapSeconds);
    text['reEngagement.retries'] = String(bot.reEngagement.retries);
    text['vad.threshold'] = String(bot.vad.threshold);
    text['vad.silenceMs'] = String(bot.vad.silenceMs);
    text['vad.prefixPaddingMs'] = String(bot.vad.prefixPaddingMs);
  }
  const values: Partial<BotBody> = {};
  if (bot) {
    for (const key of EDITABLE) (values as Record<string, unknown>)[key] = bot[key as keyof Bot];
  }
  return { values, text, touched: new Set() };
}

/** Every field `PUT .../bots/{botId}` accepts, i.e. every wizard field. */
export const EDITABLE: Field[] = [
  'name',
  'description',
  'privacy',
  'language',
  'industry',
  'timezone',
  'region',
  'customPrompt',
  'openingMessage',
  'model',
  'policy',
  'voicePipeline',
  'mode',
  'maxCallDurationSeconds',
  'reEngagement',
  'vad',
  'minWordsToInterrupt',
  'maxMessagesPerContact',
  'autoReactivateAfter',
  'sleepOnManualMessage',
  'sleepOnWorkflowMessage',
  'tools',
  'transferTargets',
  'allowedSipHeaders',
  'analysisPrompt',
  'qcPrompt',
  'crmPrefetch',
  'postCallPush',
  'allowedDomains',
  'color',
  'icon',
  'alignment',
  'botIcon',
  'branding',
  'supportLink',
  'showButtonLabel',
  'labels',
];

/** Typed text to a number for the API; blank is null (the nullable fields' "none"), anything else as typed. */
function num(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : (text as unknown as number);
}

/** The request body: the touched fields, numbers converted. */
export function bodyOf(draft: Draft): BotBody {
  const out: Record<string, unknown> = {};
  const t = draft.text;
  for (const key of draft.touched) {
    switch (key) {
      case 'maxCallDurationSeconds':
      case 'minWordsToInterrupt':
      case 'maxMessagesPerContact':
        out[key] = num(t[key]);
        break;
      case 'reEngagement':
        out[key] = {
          ...draft.values.reEngagement,
          ...('reEngagement.gapSeconds' in t ? { gapSeconds: num(t['reEngagement.gapSeconds']) } : {}),
          ...('reEngagement.retries' in t ? { retries: num(t['reEngagement.retries']) } : {}),
        };
        break;
      case 'vad':
        out[key] = {
          ...draft.values.vad,
          ...('vad.threshold' in t ? { threshold: num(t['vad.threshold']) } : {}),
          ...('vad.silenceMs' in t ? { silenceMs: num(t['vad.silenceMs']) } : {}),
          ...('vad.prefixPaddingMs' in t ? { prefixPaddingMs: num(t['vad.prefixPaddingMs']) } : {}),
        };
        break;
      default:
        out[key] = draft.values[key];
    }
  }
  return out as BotBody;
}
