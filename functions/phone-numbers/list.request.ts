import { PageQuery } from '../../shared/domain/paging.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /phone-numbers`: a page of the team's numbers. */
export const request = { query: PageQuery } satisfies RequestSchemas;
