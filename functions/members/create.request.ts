import { MemberCreateInput } from '../../shared/domain/team/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `POST /members`: `{ email, role }`. */
export const request = { body: MemberCreateInput } satisfies RequestSchemas;
