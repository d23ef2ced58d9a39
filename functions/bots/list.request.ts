import { PageQuery } from '../../shared/domain/paging.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /bots`: a page of the team's bots. */
export const request = { query: PageQuery } satisfies RequestSchemas;
