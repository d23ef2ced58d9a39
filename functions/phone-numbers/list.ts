import { listPhoneNumbers } from '../../shared/domain/phone-numbers/phone-numbers.js';
import { api } from '../../shared/http/handler.js';
import { PageQuery } from '../../shared/domain/paging.js';
import { parseOr400 } from '../../shared/http/validate.js';
import { route } from '../routes.js';

export const handler = api(route('listPhoneNumbers'), {}, async ({ principal, query }) => {
  const { limit, cursor } = parseOr400(PageQuery, query);
  return { statusCode: 200, body: await listPhoneNumbers(principal.teamId, limit, cursor) };
});
