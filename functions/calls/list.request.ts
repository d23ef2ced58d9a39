import { PageQuery } from '../../shared/domain/paging.js';
import type { RequestSchemas } from '../../shared/http/handler.js';

/** `GET /bots/{botId}/calls`: a page of the bot's calls. */
export const request = { query: PageQuery } satisfies RequestSchemas;
