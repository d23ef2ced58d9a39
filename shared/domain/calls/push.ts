import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { tableName } from '../../db/client.js';
import { callKey } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { config, isLocalMode } from '../../config.js';
import { logger } from '../../logger.js';
import { postJson } from '../../net/post-json.js';
import { workQueue } from '../../ports/work-queue.js';
import type { StoredBot } from '../bots/model.js';
import { SIGNATURE_HEADER, signatureHeader, signingSecretsFor } from '../webhooks/signing-secret.js';
import { type PushAttempt, type PushState, type StoredCall, findCall } from './store.js';

/**
 * Post-call push: when a call completes or fails and its bot has an enabled
 * `postCallPush`, botops POSTs the call's `call.*`, `crm.*`, `result.*`, `analysis.*`, `qc.*` and `system.*` values
 * as JSON to the bot's URL, signed (`Botops-Signature: t=..,v1=..`, see signing-secret.ts).
 *
 * Delivery path: the `CallEnded` event (from the events route's outbox) -> on AWS an EventBridge rule -> the
 * push SQS queue -> the push Lambda; locally a rule of the local event bus -> the local work queue. Each message
 * is ONE attempt (`deliverPostCallPush`): 10 s timeout; on a non-2xx answer or a network error the attempt is
 * recorded on the call and the next one is queued with exponential backoff and jitter, up to
 * `MAX_PUSH_ATTEMPTS` (the first try + 3 retries); then the push is `failed`. A URL refused by the outbound
 * rules is not retried. Every attempt, with status code or error and duration, is on `call.push.attempts`, written
 * with an audit event. Delivery is at least once: a receiver dedupes on `Botops-Event-Id`.
 */
export const PUSH_QUEUE = 'post-call-push';
export const MAX_PUSH_ATTEMPTS = 4;
export const PUSH_TIMEOUT_MS = 10_000;
const PUSHER: Actor = { email: 'system:post-call-push', role: 'system' };

export type PushMessage = { teamId: string; callId: string; attempt: number };

/** A queue message as a push message, or undefined for anything malformed (dropped, never retried). */
export function parsePushMessage(raw: unknown): PushMessage | undefined {
  const m = raw as Partial<PushMessage> | null;
  if (!m || typeof m.teamId !== 'string' || typeof m.callId !== 'string') return undefined;
  const attempt = m.attempt === undefined ? 1 : Number(m.attempt);
  return Number.isInteger(attempt) && attempt >= 1 && attempt <= MAX_PUSH_ATTEMPTS
    ? { teamId: m.teamId, callId: m.callId, attempt }
    : undefined;
}

/** `POST_CALL_PUSH_RETRY_BASE_SECONDS` (default 30): the first retry waits about this long, then x2 each time. */
export const retryBaseSeconds = () => config().POST_CALL_PUSH_RETRY_BASE_SECONDS;

/**
 * Delay before retry number `retry` (1-based): exponential `base * 2^(retry-1)` with "equal jitter" (half fixed,
 * half random), so retries of many failed pushes spread out instead of arriving together.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function retryDelaySeconds(retry: number, base = retryBaseSeconds(), random: () => number = Math.random): number {
  const exp = base * 2 ** (retry - 1);
  return exp / 2 + random() * (exp / 2);
}

/** The JSON body of a push: the variable namespaces of the Integration tab, with this call's values. */
export function pushPayload(call: StoredCall, bot: Pick<StoredBot, 'timezone'>) {
  return {
    id: `push:${call.id}`,
    type: `call.${call.status}`,
    createdAt: new Date().toISOString(),
    call: { to: call.to, from: call.from, direction: call.direction, sipHeaders: call.sipHeaders },
    crm: call.variables.crm,
    result: call.result ?? {},
    analysis: call.analysis ?? {},
    qc: call.qc ?? {},
    system: {
      callId: call.id,
      botId: call.botId,
      teamId: call.teamId,
      queuedAt: call.queuedAt,
      ringingAt: call.ringingAt,
      startedAt: call.startedAt,
      endedAt: call.endedAt,
      timezone: bot.timezone ?? 'UTC',
    },
  };
}

export type PushOutcome = 'delivered' | 'retry-queued' | 'failed' | 'skipped';

/**
 * Runs attempt `msg.attempt` of a call's push. Skips (without sending) a call that is gone or reset, a push already
 * finished, and a duplicate message for an attempt already recorded (SQS delivers at least once); re-queues the
 * next attempt when a redelivered message finds its attempt recorded but the push still retrying.
 * `opts.local` allows loopback http URLs (local mode).
 */
export async function deliverPostCallPush(msg: PushMessage, opts: { local?: boolean } = {}): Promise<PushOutcome> {
  const local = opts.local ?? isLocalMode();
  const found = await findCall(msg.teamId, msg.callId);
  const push = found?.call.push;
  if (!found || !push || push.status === 'delivered' || push.status === 'failed' || push.status === 'cancelled') return 'skipped';
  const { bot, call } = found;
  if (push.attempts.length >= msg.attempt) {
    if (push.attempts.length === msg.attempt && push.status === 'retrying') await queueRetry(msg, push);
    return 'skipped';
  }
  if (push.attempts.length !== msg.attempt - 1) return 'skipped';

  const url = bot.postCallPush?.enabled ? bot.postCallPush.url : undefined;
  if (!url) {
    await record(call, { ...push, status: 'cancelled', nextAttemptAt: null }, 'push_cancelled');
    return 'skipped';
  }
  const body = JSON.stringify(pushPayload(call, bot));
  const secrets = await signingSecretsFor(call.teamId);
  const outcome = await postJson(
    url,
    body,
    {
      [SIGNATURE_HEADER]: signatureHeader(body, secrets),
      'Botops-Event-Id': `push:${call.id}`,
      'Botops-Delivery-Attempt': String(msg.attempt),
      'User-Agent': 'botops-post-call-push/1.0',
    },
    { local, timeoutMs: PUSH_TIMEOUT_MS },
  );
  const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const attempt: PushAttempt = {
    attempt: msg.attempt,
    at: new Date(Date.now() - outcome.durationMs).toISOString(),
    url,
    statusCode: outcome.statusCode,
    error: outcome.error ?? (delivered ? null : `HTTP ${outcome.statusCode}`),
    durationMs: outcome.durationMs,
  };
  const retry = !delivered && !outcome.refused && msg.attempt < MAX_PUSH_ATTEMPTS;
  const delay = retry ? retryDelaySeconds(msg.attempt) : 0;
  const next: PushState = {
    status: delivered ? 'delivered' : retry ? 'retrying' : 'failed',
    url,
    attempts: [...push.attempts, attempt],
    nextAttemptAt: retry ? new Date(Date.now() + delay * 1000).toISOString() : null,
  };
  if (!(await record(call, next, 'push_attempt'))) return 'skipped';
  if (retry) await workQueue().send(PUSH_QUEUE, { ...msg, attempt: msg.attempt + 1 }, delay);
  logger.info('post-call push attempt', { callId: call.id, attempt: msg.attempt, statusCode: outcome.statusCode, outcome: next.status });
  return delivered ? 'delivered' : retry ? 'retry-queued' : 'failed';
}

async function queueRetry(msg: PushMessage, push: PushState) {
  const wait = push.nextAttemptAt ? Math.max(0, (Date.parse(push.nextAttemptAt) - Date.now()) / 1000) : 0;
  await workQueue().send(PUSH_QUEUE, { ...msg, attempt: msg.attempt + 1 }, wait);
}

/** Writes the push state on the call with its audit event; false when the call changed meanwhile (a duplicate won). */
async function record(call: StoredCall, push: PushState, action: string): Promise<boolean> {
  const last = push.attempts.at(-1);
  const duplicate = new Error('another delivery of this attempt recorded it first');
  try {
    await retryOnConflict(() =>
      transactWrite([
        {
          item: {
            Update: {
              TableName: tableName(),
              Key: callKey(call.teamId, call.botId, call.dataGeneration, call.id),
              UpdateExpression: 'SET push = :push, version = :next',
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':push': push, ':v': call.version, ':next': call.version + 1 },
            },
          },
          onConditionFailed: () => duplicate,
        },
        auditPut(call.teamId, {
          actor: PUSHER,
          module: 'webhooks',
          action,
          botId: call.botId,
          targetId: call.id,
          changes: {
            pushStatus: { before: call.push?.status ?? null, after: push.status },
            ...(last
              ? { attempt: { before: null, after: { attempt: last.attempt, statusCode: last.statusCode, error: last.error } } }
              : {}),
          },
        }),
      ]),
    );
    return true;
  } catch (e) {
    if (e === duplicate) return false;
    throw e;
  }
}
