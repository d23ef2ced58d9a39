import * as z from 'zod';
import { ROLES } from '../../auth/roles.js';
import { isoTime, nullableTime } from './common.js';

export const Team = z.object({ id: z.string(), name: z.string(), createdAt: isoTime }).meta({ id: 'Team' });

export const Me = z
  .object({ teamId: z.string(), teamName: z.string(), memberId: z.string(), email: z.string(), role: z.enum(ROLES) })
  .meta({ id: 'Me', description: 'The calling API key: its team, member and role' });

export const Member = z.object({ id: z.string(), email: z.string(), role: z.enum(ROLES), createdAt: isoTime }).meta({ id: 'Member' });

export const ApiKeyInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
    memberId: z.string(),
    createdAt: isoTime,
    lastUsedAt: nullableTime,
  })
  .meta({ id: 'ApiKey', description: 'An API key, never its secret' });

export const CreatedApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    memberId: z.string(),
    createdAt: isoTime,
    key: z.string().nullable().describe('The key in clear, shown this once; null on an Idempotency-Key replay (see redactedOnReplay)'),
    redactedOnReplay: z.array(z.string()).optional().describe('On a replay: the fields withheld because they were shown once'),
  })
  .meta({ id: 'CreatedApiKey' });
