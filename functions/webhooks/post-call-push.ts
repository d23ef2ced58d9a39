import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { deliverPostCallPush, parsePushMessage } from '../../shared/domain/calls/push.js';
import { logger } from '../../shared/logger.js';

/**
 * SQS (post-call push queue, fed by the `CallEnded` EventBridge rule and by this function's own retries) -> one
 * push attempt per message. An HTTP failure of the receiver is not an error here (the attempt is recorded and
 * the retry queued with backoff); only a failure of botops itself (e.g. DynamoDB) returns the message as a
 * batch item failure, so SQS redelivers it and, after maxReceiveCount, moves it to the dead-letter queue.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const results = await Promise.allSettled(
    event.Records.map(async (record) => {
      const msg = parsePushMessage(JSON.parse(record.body));
      if (!msg) return logger.warn('malformed post-call push message dropped', { messageId: record.messageId });
      await deliverPostCallPush(msg);
    }),
  );
  const batchItemFailures = results.flatMap((r, i) => {
    if (r.status === 'fulfilled') return [];
    logger.error('post-call push attempt failed', { messageId: event.Records[i]!.messageId, error: r.reason as Error });
    return [{ itemIdentifier: event.Records[i]!.messageId }];
  });
  return { batchItemFailures };
};
