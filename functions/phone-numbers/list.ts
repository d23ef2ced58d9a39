import { listPhoneNumbers } from '../../shared/domain/phone-numbers/phone-numbers.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './list.request.js';

export const handler = api(route('listPhoneNumbers'), request, async ({ principal, query }) => ({
  body: await listPhoneNumbers(principal.teamId, query.limit, query.cursor),
}));
