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
  const failures = await Promise.all(
    event.Records.map(async (record) => {
      try {
        const msg = parsePushMessage(JSON.parse(record.body));
        if (!msg) logger.warn('malformed post-call push message dropped', { messageId: record.messageId });
        else await deliverPostCallPush(msg);
        return [];
      } catch (error) {
        logger.error('post-call push attempt failed', { messageId: record.messageId, error: error as Error });
        return [{ itemIdentifier: record.messageId }];
      }
    }),
  );
  return { batchItemFailures: failures.flat() };
};
