import * as z from 'zod';
import { ROLES } from '../../auth/roles.js';

/** `POST /members`: `{ email, role }`. */
export const MemberCreateInput = z.object({ email: z.email().max(254), role: z.enum(ROLES) }).strict();
/** `PATCH /members/{memberId}`: `{ role }`. */
export const MemberUpdateInput = z.object({ role: z.enum(ROLES) }).strict();
/** `POST /api-keys`: `{ name, memberId? }`; without `memberId` the key is the caller's. */
export const ApiKeyCreateInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    memberId: z
      .string()
      .regex(/^[0-9A-Z]{26}$/, 'must be a member id')
      .optional(),
  })
  .strict();
