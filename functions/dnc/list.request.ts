import { PageQuery } from '../../shared/domain/paging.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /dnc`: a page of the list. */
export const request = { query: PageQuery } satisfies RequestSchemas;
