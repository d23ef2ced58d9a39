import { reactivateFromTimer } from '../shared/domain/contacts/contacts.js';
import { ReactivationPayloadInput } from '../shared/domain/contacts/schema.js';
import { logger } from '../shared/logger.js';

/**
 * Not an API route: the target of the contact reactivation timers (EventBridge Scheduler on AWS, the local
 * runtime's timer poller with `npm start`). The input is the timer's payload (`ReactivationPayload`). A malformed
 * payload or a failure throws, so the invocation is retried and finally dead-lettered; a stale timer is a no-op.
 */
export const handler = async (event: unknown): Promise<{ outcome: string }> => {
  const parsed = ReactivationPayloadInput.safeParse(event);
  if (!parsed.success) {
    logger.error('malformed reactivation payload', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) });
    throw new Error('malformed reactivation payload');
  }
  const outcome = await reactivateFromTimer(parsed.data);
  // No contactId: it is the caller's own id and often an e-mail address or a phone number.
  const { teamId, botId, version, reactivateAt } = parsed.data;
  logger.info('contact timer fired', { teamId, botId, version, reactivateAt, outcome });
  return { outcome };
};
