import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import type { Actor } from '../../auth/principal.js';
import { botIdIndex } from '../../db/keys.js';
import { Forbidden, Invalid, Locked } from '../errors.js';
import { newWidgetState, type WidgetState } from '../widget/key.js';
import { declaredFields } from '../calls/declarations.js';
import { fieldsBeyondRole } from './field-roles.js';
import { BOT_ITEM_MAX_BYTES, jsonBytes } from './limits.js';
import type { BotCreate, BotUpdate } from './schema.js';

/**
 * A bot as the API returns it: every field of the DocsBot Admin API's Bot object, plus botops' configuration fields
 * (see `schema.ts`), `active`, `lockedByCampaigns`, `updatedAt`. `version` backs the ETag and is not returned.
 */
export type Bot = Required<BotUpdate> & {
  id: string;
  indexId: string;
  createdAt: string;
  updatedAt: string;
  status: 'pending' | 'indexing' | 'processing' | 'ready';
  questionCount: number;
  pageCount: number;
  sourceCount: number;
  chunkCount: number;
  active: boolean;
  lockedByCampaigns: { id: string; name: string }[];
  postCallCache: PostCallCache;
};
/**
 * `dataGeneration` selects the partition of the bot's accumulated data (see `botDataPartition`). `widget` is the
 * web widget's state and key (`shared/domain/widget/key.ts`), kept on the bot item so a new or cloned bot gets it
 * from `buildNewBot` and the public session route decides on one strongly consistent read; absent only on bots
 * stored before the widget existed. `GSI1PK`/`GSI1SK` are `botIdIndex` (find a bot by id alone).
 * `phoneNumbers` / `campaignIds` (string sets, absent when empty) list the phone numbers mapped to the bot and
 * its campaigns, kept in the same transaction as each mapping or campaign, so deleting the bot knows exactly
 * what to release. Every write to the bot item bumps `version`, which is what `updateBot`'s whole-item Put is
 * conditional on: a stale Put can never undo a reset, a lock or a mapping.
 * None of these is returned by the API (`toBot`).
 */
export type StoredBot = Bot & {
  version: number;
  dataGeneration: number;
  widget?: WidgetState;
  GSI1PK?: string;
  GSI1SK?: string;
  phoneNumbers?: Set<string>;
  campaignIds?: Set<string>;
};

/**
 * Post-call cache: whether post-call analysis reuses a cached build of the analysis and QC prompts,
 * the cache version in use (starts at 1, +1 per refresh) and who refreshed it last, when.
 */
export type PostCallCache = { enabled: boolean; version: number; refreshedBy: string | null; refreshedAt: string | null };
export const defaultPostCallCache = (): PostCallCache => ({ enabled: false, version: 1, refreshedBy: null, refreshedAt: null });

/** The DocsBot chat widget's default copy. */
export const DEFAULT_LABELS = {
  firstMessage: 'What can I help you with?',
  sources: 'Sources',
  getSupport: 'Contact',
  helpful: 'Rate as helpful',
  poweredBy: 'Powered by',
  unhelpful: 'Rate as unhelpful',
  floatingButton: 'Help',
  inputPlaceholder: 'Send a message...',
};

/** Defaults of a new bot: the DocsBot Admin API's create response, then botops' own sensible values. */
export function defaultConfig(): Required<Omit<BotUpdate, 'name'>> {
  return {
    description: '',
    privacy: 'public',
    language: 'en',
    industry: null,
    timezone: 'UTC',
    region: 'us-east-1',
    customPrompt: null,
    openingMessage: null,
    model: 'gpt-3.5-turbo',
    policy: null,
    voicePipeline: { speechToText: 'deepgram-nova-2', languageModel: 'gpt-4o-mini', voice: 'elevenlabs', voiceId: null },
    mode: 'auto_pilot',
    maxCallDurationSeconds: 600,
    reEngagement: { gapSeconds: 10, retries: 2, messages: [] },
    vad: { threshold: 0.5, silenceMs: 500, prefixPaddingMs: 300 },
    minWordsToInterrupt: 2,
    maxMessagesPerContact: null,
    autoReactivateAfter: null,
    sleepOnManualMessage: true,
    sleepOnWorkflowMessage: false,
    tools: [],
    transferTargets: [],
    allowedSipHeaders: [],
    analysisPrompt: null,
    qcPrompt: null,
    optOutField: null,
    crmPrefetch: null,
    postCallPush: null,
    allowedDomains: [],
    color: '#1292EE',
    icon: 'default',
    alignment: 'right',
    botIcon: false,
    branding: true,
    supportLink: '',
    showButtonLabel: false,
    labels: { ...DEFAULT_LABELS },
  };
}

/** Object-valued settings are merged one level deep on update, so `{ vad: { threshold: 0.7 } }` keeps the rest. */
const MERGED_OBJECTS = new Set(['voicePipeline', 'reEngagement', 'vad', 'labels']);

export function applyUpdate<T extends Record<string, unknown>>(current: T, patch: Record<string, unknown>): T {
  const next: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    next[k] = MERGED_OBJECTS.has(k) && v && typeof v === 'object' ? { ...(current[k] as object), ...v } : v;
  }
  return next as T;
}

/** Stored attributes that are not part of the bot object; `widget` holds the widget key (see `GET .../widget`). */
const INTERNAL = [
  'PK',
  'SK',
  'entity',
  'teamId',
  'version',
  'dataGeneration',
  'widget',
  'phoneNumbers',
  'campaignIds',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
];
export function toBot(item: Record<string, unknown>): Bot {
  const out = { ...item };
  for (const k of INTERNAL) delete out[k];
  return out as Bot;
}

/**
 * A new bot item with the DocsBot defaults (`status: "pending"`, counters 0) and `config` applied: the one
 * place a bot comes into being, used by create and clone, so per-bot secrets (the widget key) and defaults
 * are set the same way for both.
 */
export function buildNewBot(config: BotCreate): StoredBot {
  const now = new Date().toISOString();
  const id = ulid();
  return {
    id,
    name: config.name,
    ...applyUpdate(defaultConfig(), config),
    indexId: `Document_${randomBytes(8).toString('hex').slice(0, 10)}`,
    createdAt: now,
    updatedAt: now,
    status: 'pending',
    questionCount: 0,
    pageCount: 0,
    sourceCount: 0,
    chunkCount: 0,
    active: true,
    lockedByCampaigns: [],
    postCallCache: defaultPostCallCache(),
    version: 1,
    dataGeneration: 0,
    // The widget starts disabled with its own key: a clone built here never shares its source's key.
    widget: newWidgetState(id, now),
    ...botIdIndex(id),
  } as StoredBot;
}

/**
 * `Invalid` (step `tools_integrations`) when `optOutField` names no boolean field the analysis prompt declares:
 * the opt-out is read from a call's reported analysis, so it must be one the telephony side is asked for.
 */
export function assertOptOutField(bot: Pick<Bot, 'optOutField' | 'analysisPrompt'>) {
  if (!bot.optOutField) return;
  const field = declaredFields(bot, 'analysis').find((f) => f.name === bot.optOutField);
  if (field?.type === 'boolean') return;
  throw new Invalid(
    [
      {
        path: 'optOutField',
        message: field ? `${bot.optOutField} is declared ${field.type}, not boolean` : `the analysisPrompt declares no ${bot.optOutField}`,
        step: 'tools_integrations',
      },
    ],
    { firstInvalidStep: 'tools_integrations' },
  );
}

/** `Forbidden` naming each field among `changed` that needs a stronger role than the actor's (unchanged values pass). */
export function assertMayChange(actor: Actor, changed: string[]) {
  const denied = fieldsBeyondRole(actor.role, changed);
  if (!denied.length) return;
  throw new Forbidden(
    `Changing ${denied.join(', ')} needs the admin role.`,
    {},
    denied.map((path) => ({ path, message: 'needs the admin role' })),
  );
}

/** `Invalid` when the updated bot would pass {@link BOT_ITEM_MAX_BYTES}, naming the patch's fields, largest first. */
export function assertStorable(next: StoredBot, patch: BotUpdate) {
  const bytes = jsonBytes(next);
  if (bytes <= BOT_ITEM_MAX_BYTES) return;
  const fields = Object.entries(patch)
    .map(([field, value]) => ({ field, size: jsonBytes(value) }))
    .sort((a, b) => b.size - a.size);
  throw new Invalid(
    fields.map((f) => ({ path: f.field, message: `takes ${f.size} bytes of the bot's ${BOT_ITEM_MAX_BYTES}` })),
    {},
    `The bot's configuration would take ${bytes} bytes; a bot stores at most ${BOT_ITEM_MAX_BYTES}. Shorten the largest fields.`,
  );
}

/** The refusal of `action` (a verb: edit, delete, reset) on a bot that running campaigns lock. */
export function lockedError(bot: Pick<Bot, 'lockedByCampaigns'>, action: string): Locked {
  return new Locked(bot.lockedByCampaigns, action);
}

export function assertUnlocked(bot: Pick<Bot, 'lockedByCampaigns'>, action: string) {
  if (bot.lockedByCampaigns?.length) throw lockedError(bot, action);
}

/** A bot holds at most this many phone numbers and campaigns, so deleting it (which releases both) fits in one
 * transaction: 1 bot + 50 numbers + 20 campaigns + 1 audit event <= 100 items (DynamoDB's limit). */
export const MAX_PHONE_NUMBERS_PER_BOT = 50;
export const MAX_CAMPAIGNS_PER_BOT = 20;
