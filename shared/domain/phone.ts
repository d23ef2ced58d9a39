import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number in E.164 (`+14155550123`), or undefined when `input` is not a valid international number:
 * libphonenumber-js (Google's libphonenumber metadata) parses it, checks it is a valid number of its country's
 * plan, and formats it. Spaces, dashes and brackets are accepted (`+1 (415) 555-0123`); a number without `+` and a
 * country code is refused (there is no default country).
 */
export function normalizeE164(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > 32 || !input.trim().startsWith('+')) return undefined;
  const parsed = parsePhoneNumberFromString(input.trim());
  return parsed?.isValid() ? parsed.number : undefined;
}
