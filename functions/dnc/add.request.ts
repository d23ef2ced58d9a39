import { DncAddInput } from '../../shared/domain/campaigns/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /dnc`: `{ numbers, reason? }`. */
export const request = { body: DncAddInput } satisfies RequestSchemas;
