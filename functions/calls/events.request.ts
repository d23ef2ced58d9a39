import { CallEventInput } from '../../shared/domain/calls/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /calls/{callId}/events`: progress or outcome from the telephony side. */
export const request = { body: CallEventInput } satisfies RequestSchemas;
