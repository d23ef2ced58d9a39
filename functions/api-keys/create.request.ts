import { ApiKeyCreateInput } from '../../shared/domain/team/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /api-keys`: `{ name, memberId? }`. */
export const request = { body: ApiKeyCreateInput } satisfies RequestSchemas;
