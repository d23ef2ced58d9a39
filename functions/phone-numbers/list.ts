import { listPhoneNumbers } from '../../shared/domain/phone-numbers/phone-numbers.js';
import { api } from '../../shared/http/handler.js';
import { pageParams } from '../../shared/http/paging.js';
import { route } from '../routes.js';

export const handler = api(route('listPhoneNumbers'), {}, async ({ principal, query }) => {
  const { limit, cursor } = pageParams(query);
  return { statusCode: 200, body: await listPhoneNumbers(principal.teamId, limit, cursor) };
});
