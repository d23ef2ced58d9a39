import * as z from 'zod';
import type { FieldError } from '../errors.js';
import { allowedDomainsSchema } from '../widget/schema.js';
import { BOT_NAME_MAX } from './limits.js';

export { BOT_NAME_MAX };
export { e164, isoDuration, outboundUrl, resolvedZone, timezone } from '../field-types.js';
import { e164, isoDuration, outboundUrl, timezone } from '../field-types.js';

/**
 * The bot configuration, grouped by the console wizard's steps (Identity, Instructions, Policy, Voice
 * Pipeline, Behavior, Tools & Integrations) plus the chat widget fields (step `widget`).
 * Field names and value sets of the DocsBot Admin API are kept as it documents them, including the values its
 * examples send (`botIcon: false`, `showButtonLabel: false`).
 */
export const WIZARD_STEPS = ['identity', 'instructions', 'policy', 'voice_pipeline', 'behavior', 'tools_integrations', 'widget'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The languages DocsBot accepts: `en` and `jp`. */
export const LANGUAGES = ['en', 'jp'] as const;
/** The OpenAI models DocsBot supports; `gpt-3.5-turbo` is the default. */
export const MODELS = ['gpt-3.5-turbo', 'gpt-4', 'gpt-4-1106-preview'] as const;
export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
] as const;
export const STT_ENGINES = ['deepgram-nova-2', 'deepgram-nova-3', 'aws-transcribe', 'google-chirp', 'whisper'] as const;
export const VOICE_LLMS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'claude-sonnet', 'claude-haiku'] as const;
export const VOICE_ENGINES = ['elevenlabs', 'cartesia', 'aws-polly', 'azure-tts', 'openai-tts'] as const;
export const BOT_MODES = ['off', 'suggestive', 'auto_pilot'] as const;
/** The DocsBot chat widget's value sets. */
export const ICONS = ['default', 'comments', 'robot', 'life-ring', 'question', 'book'] as const;
export const BOT_ICONS = ['comment', 'robot', 'life-ring', 'info', 'book'] as const;

const text = (max: number) => z.string().max(max, `at most ${max} characters`);
const int = (min: number, max: number, unit = '') =>
  z.number().int('must be an integer').min(min, `at least ${min}${unit}`).max(max, `at most ${max}${unit}`);

const labels = z
  .object({
    firstMessage: text(500),
    sources: text(100),
    getSupport: text(100),
    helpful: text(100),
    poweredBy: text(100),
    unhelpful: text(100),
    floatingButton: text(100),
    inputPlaceholder: text(200),
  })
  .partial()
  .strict();

const voicePipeline = z
  .object({
    speechToText: z.enum(STT_ENGINES),
    languageModel: z.enum(VOICE_LLMS),
    voice: z.enum(VOICE_ENGINES),
    voiceId: text(100).nullable(),
  })
  .partial()
  .strict();

const reEngagement = z
  .object({
    gapSeconds: int(3, 300, ' seconds'),
    retries: int(0, 10),
    messages: z.array(text(500)).max(10, 'at most 10 messages'),
  })
  .partial()
  .strict();

const vad = z
  .object({
    threshold: z.number().min(0, 'at least 0').max(1, 'at most 1'),
    silenceMs: int(100, 5000, ' ms'),
    prefixPaddingMs: int(0, 2000, ' ms'),
  })
  .partial()
  .strict();

const tool = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'letters, digits, _ and -, at most 64, starting with a letter'),
    description: text(1000),
    url: outboundUrl.optional(),
  })
  .strict();

/** Refuses a second array element with the same `key` (case-insensitive), naming the duplicate's path. */
function uniqueBy<K extends string>(key: K, message: string) {
  return (items: Record<K, string>[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const v = item[key].toLowerCase();
      if (seen.has(v)) ctx.addIssue({ code: 'custom', message, path: [i, key] });
      seen.add(v);
    });
  };
}

const transferTarget = z.object({ name: z.string().min(1).max(100), number: e164 }).strict();
const crmPrefetch = z.object({ url: outboundUrl, enabled: z.boolean().default(true) }).strict();
const postCallPush = z.object({ url: outboundUrl, enabled: z.boolean().default(true) }).strict();

/** Editable fields per wizard step. */
export const STEP_FIELDS = {
  identity: {
    name: z.string().trim().min(1, 'must not be empty').max(BOT_NAME_MAX, `at most ${BOT_NAME_MAX} characters`),
    description: text(1000),
    privacy: z.enum(['public', 'private']),
    language: z.enum(LANGUAGES),
    industry: text(100).nullable(),
    timezone,
    region: z.enum(REGIONS),
  },
  instructions: {
    customPrompt: text(20_000).nullable(),
    openingMessage: text(2_000).nullable(),
    model: z.enum(MODELS),
  },
  policy: { policy: text(20_000).nullable() },
  voice_pipeline: { voicePipeline },
  behavior: {
    mode: z.enum(BOT_MODES),
    maxCallDurationSeconds: int(30, 14_400, ' seconds'),
    reEngagement,
    vad,
    minWordsToInterrupt: int(0, 20),
    maxMessagesPerContact: int(1, 10_000).nullable(),
    autoReactivateAfter: isoDuration.nullable(),
    sleepOnManualMessage: z.boolean(),
    sleepOnWorkflowMessage: z.boolean(),
  },
  tools_integrations: {
    tools: z.array(tool).max(50, 'at most 50 tools').superRefine(uniqueBy('name', 'tool names must be unique')),
    transferTargets: z.array(transferTarget).max(20, 'at most 20 transfer targets'),
    allowedSipHeaders: z.array(z.string().regex(/^X-[A-Za-z0-9-]{1,64}$/, 'must be an X- header name')).max(20),
    analysisPrompt: text(20_000).nullable(),
    qcPrompt: text(20_000).nullable(),
    optOutField: z
      .string()
      .regex(/^analysis\.[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must name an analysis field, e.g. analysis.opted_out')
      .nullable()
      .describe(
        'A boolean analysis.* field the analysis prompt declares: a call reporting it true puts the number on the DNC list and cancels its campaign retries',
      ),
    crmPrefetch: crmPrefetch.nullable(),
    postCallPush: postCallPush.nullable(),
  },
  widget: {
    // Hostname (`docsbot.ai`), `*.` wildcard, or origin (`https://shop.example.com:8443`),
    // stored normalised; the same schema validates `PUT .../widget`, so the field has one set of rules.
    allowedDomains: allowedDomainsSchema,
    color: z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'must be a hex colour, e.g. #1292EE'),
    icon: z.enum(ICONS),
    alignment: z.enum(['left', 'right']),
    botIcon: z.union([z.literal(false), z.enum(BOT_ICONS)]),
    branding: z.boolean(),
    supportLink: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2048)]),
    showButtonLabel: z.union([z.boolean(), text(100)]),
    labels,
  },
} as const;

const allFields = Object.assign({}, ...Object.values(STEP_FIELDS)) as {
  [S in WizardStep]: (typeof STEP_FIELDS)[S];
}[WizardStep] extends infer U
  ? { [K in U extends unknown ? keyof U : never]: U extends Record<K, infer T> ? T : never }
  : never;

/** Field -> wizard step, for naming the step of every validation error. */
export const STEP_OF_FIELD: Record<string, WizardStep> = Object.fromEntries(
  WIZARD_STEPS.flatMap((step) => Object.keys(STEP_FIELDS[step]).map((field) => [field, step])),
);

/** `PUT .../bots/{botId}`: any subset of the editable fields; unknown and read-only fields are refused. */
export const BotUpdateInput = z.object(allFields).partial().strict();
/** `POST .../bots`: as update, with `name` required. */
export const BotCreateInput = BotUpdateInput.required({ name: true });
export type BotUpdate = z.infer<typeof BotUpdateInput>;
export type BotCreate = z.infer<typeof BotCreateInput>;

/**
 * Adds the wizard step to each error and `firstInvalidStep`, the earliest step in wizard order holding an
 * error: the wizard jumps to the first step that contains an error. Unknown top-level fields
 * belong to no step.
 */
export function decorateWizardErrors(errors: FieldError[]) {
  const withSteps = errors.map((e) => {
    const field = e.path.split(/[.[]/)[0] ?? '';
    const topLevelUnknown = e.message === 'unknown or read-only field' && !/[.[]/.test(e.path);
    const step = topLevelUnknown ? undefined : STEP_OF_FIELD[field];
    return step ? { ...e, step } : e;
  });
  const steps = new Set(withSteps.map((e) => e.step).filter(Boolean));
  const firstInvalidStep = WIZARD_STEPS.find((s) => steps.has(s)) ?? null;
  return { errors: withSteps, details: { firstInvalidStep } };
}
