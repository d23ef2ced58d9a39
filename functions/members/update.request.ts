import { MemberUpdateInput } from '../../shared/domain/team/schema.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `PATCH /members/{memberId}`: `{ role }`. */
export const request = { body: MemberUpdateInput } satisfies RequestSchemas;
