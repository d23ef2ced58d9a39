import { ENUMS } from './schema';

/** The value sets the API accepts, from its OpenAPI document (regenerated with the client). */
export const PRIVACY = ENUMS.Bot.privacy;
export const LANGUAGES = ENUMS.Bot.language;
export const REGIONS = ENUMS.Bot.region;
export const MODELS = ENUMS.Bot.model;
export const STT_ENGINES = ENUMS.Bot['voicePipeline.speechToText'];
export const VOICE_LLMS = ENUMS.Bot['voicePipeline.languageModel'];
export const VOICE_ENGINES = ENUMS.Bot['voicePipeline.voice'];
export const BOT_MODES = ENUMS.Bot.mode;
export const ICONS = ENUMS.Bot.icon;
export const ALIGNMENTS = ENUMS.Bot.alignment;
/** The dialog icons; `false` (none) is offered separately. */
export const BOT_ICONS = ENUMS.Bot.botIcon.filter((v): v is Exclude<typeof v, false> => v !== false);
export const ROLES = ENUMS.Member.role;
export const AUDIT_MODULES = ENUMS.AuditEvent.module;
export const ENVIRONMENTS = ENUMS.Connector.environment;
export const CONNECTOR_STATUSES = ENUMS.Connector.status;
export const WEEKDAYS = ENUMS.CallingWindow.days;
export const CAMPAIGN_CONTACT_STATUSES = ENUMS.CampaignContact.status;
