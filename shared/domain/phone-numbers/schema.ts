import * as z from 'zod';
import { e164 } from '../bots/schema.js';
import { objectId } from '../campaigns/schema.js';

/** `POST /phone-numbers`: map a DID (E.164) to one bot of the team (spec, "Campaigns and phone numbers"). */
export const PhoneNumberCreateInput = z.object({ number: e164, botId: objectId }).strict();
export type PhoneNumberCreate = z.infer<typeof PhoneNumberCreateInput>;

/** The `{number}` path parameter: E.164, `+` sent as is or percent-encoded (`%2B14155550123`). */
export const PhoneNumberParam = z.object({ number: e164 });
