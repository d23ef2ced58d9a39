import * as z from 'zod';
import { e164 } from '../bots/schema.js';
import { objectId } from '../campaigns/schema.js';

/** `POST /phone-numbers`: map a DID (E.164) to one bot of the team. */
export const PhoneNumberCreateInput = z.object({ number: e164, botId: objectId }).strict();
export type PhoneNumberCreate = z.infer<typeof PhoneNumberCreateInput>;

/** API Gateway hands path parameters over as sent: `%2B` is decoded once (a stray `%` is left for the format to refuse). */
const decodedOnce = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** The `{number}` path parameter: E.164, `+` sent as is or percent-encoded (`%2B14155550123`). */
export const PhoneNumberParams = z.object({ number: z.string().transform(decodedOnce).pipe(e164) });
