import { DncParams } from '../../shared/domain/campaigns/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `DELETE /dnc/{number}`: the number, `+` as is or percent-encoded. */
export const request = { params: DncParams } satisfies RequestSchemas;
