import { actorOf } from '../../shared/auth/principal.js';
import { rotateSigningSecret } from '../../shared/domain/webhooks/signing-secret.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** `{ secret }`: the new post-call push signing secret, shown here only (admin). Never cached by clients. */
export const handler = api(route('rotateWebhookSecret'), {}, async ({ principal }) => ({
  body: await rotateSigningSecret(principal.teamId, actorOf(principal)),
  headers: { 'Cache-Control': 'no-store' },
}));
