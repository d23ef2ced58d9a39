import * as z from 'zod';

/** `?limit=` (1..100, default 25) and `?cursor=` of every list: one page and where the next starts. */
export const PageQuery = z.object({
  limit: z.coerce.number().int('must be an integer').min(1, 'at least 1').max(100, 'at most 100').default(25),
  cursor: z.string().max(2048).optional(),
});
