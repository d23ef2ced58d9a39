import { actorOf } from '../../shared/auth/principal.js';
import { createApiKey } from '../../shared/domain/team/api-keys.js';
import { api } from '../../shared/http/handler.js';
import { idempotent, redactFields } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';
import { request } from './create.request.js';

/** The key in clear, this once: a replay of the same Idempotency-Key answers the key's details with `key: null`. */
export const handler = api(
  route('createApiKey'),
  { ...request, idempotency: idempotent({ redactReplay: redactFields(['key']) }) },
  async ({ principal, body }) => ({
    body: await createApiKey(principal.teamId, body.name, body.memberId ?? principal.memberId, actorOf(principal)),
    headers: { 'Cache-Control': 'no-store' },
  }),
);
