import { actorOf } from '../../shared/auth/principal.js';
import { createApiKey } from '../../shared/domain/team.js';
import { ApiKeyCreateInput } from '../../shared/domain/team-schemas.js';
import { api } from '../../shared/http/handler.js';
import { idempotent, redactFields } from '../../shared/http/idempotency.js';
import { route } from '../routes.js';

export const handler = api(
  route('createApiKey'),
  { body: ApiKeyCreateInput, idempotency: idempotent(route('createApiKey'), { redactReplay: redactFields(['key']) }) },
  async ({ principal, body }) => ({
    statusCode: 201,
    body: await createApiKey(principal.teamId, body.name, body.memberId ?? principal.memberId, actorOf(principal)),
    headers: { 'Cache-Control': 'no-store' },
  }),
);
