import * as z from 'zod';
import { parseOr400 } from './validate.js';

/** `?limit=` (1..100, default 25) and `?cursor=` of every list route (spec, Conventions). */
export const PageQuery = z.object({
  limit: z.coerce.number().int('must be an integer').min(1, 'at least 1').max(100, 'at most 100').default(25),
  cursor: z.string().max(2048).optional(),
});

export function pageParams(query: Record<string, string | undefined>) {
  return parseOr400(PageQuery, { limit: query.limit, cursor: query.cursor });
}
