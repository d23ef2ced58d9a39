import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('health'), {}, async () => ({ body: { status: 'ok' } }));
