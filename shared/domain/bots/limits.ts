/**
 * Bot limits read by both the zod schema (`schema.ts`) and code that must not bundle zod (clone), kept in a
 * dependency-free module.
 */

/** Longest bot name; clone's "<name> (copy)" is cut to fit it. */
export const BOT_NAME_MAX = 100;

/**
 * Most bytes a bot's configuration may take, as JSON: the bot is one DynamoDB item (at most 400 KB, with its
 * keys, widget state and bookkeeping), so a series of updates that each fit the request limit cannot grow it
 * past what DynamoDB stores.
 */
export const BOT_ITEM_MAX_BYTES = 350_000;

/** The JSON size in bytes of `value` (UTF-8), the measure {@link BOT_ITEM_MAX_BYTES} applies to. */
export const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
