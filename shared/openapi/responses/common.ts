import * as z from 'zod';

/** An ISO-8601 UTC timestamp. */
export const isoTime = z.string().describe('ISO-8601 UTC timestamp');
export const nullableTime = isoTime.nullable();

/** `{ items, nextCursor }`: one page of a list; `nextCursor` is null on the last page. */
export const page = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id, description: `A page of ${id.replace(/Page$/, '')}` });
