import { PageQuery } from '../../shared/domain/paging.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /members`: a page of the team's members. */
export const request = { query: PageQuery } satisfies RequestSchemas;
