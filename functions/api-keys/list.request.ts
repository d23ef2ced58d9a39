import { PageQuery } from '../../shared/domain/paging.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /api-keys`: a page of the team's keys. */
export const request = { query: PageQuery } satisfies RequestSchemas;
