/**
 * Bot limits read by both the zod schema (`schema.ts`) and code that must not bundle zod (clone), kept in a
 * dependency-free module.
 */

/** Longest bot name; clone's "<name> (copy)" is cut to fit it. */
export const BOT_NAME_MAX = 100;
