import { PageQuery } from '../../shared/domain/paging.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /campaigns`: a page of the team's campaigns. */
export const request = { query: PageQuery } satisfies RequestSchemas;
