import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';

export interface DeadLetterQueueProps {
  /** What lands in this queue, for the reader of an alarm or a cdk-nag report ("failed purge invocations"). */
  readonly holds: string;
  /** @default the queue's default (RemovalPolicy.DESTROY) */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A dead-letter queue, the one way botops keeps what a retrying AWS service gave up on (Lambda asynchronous
 * invocations, EventBridge targets, Scheduler deliveries, SQS redrive): SSE with SQS-managed keys, TLS only
 * (`aws:SecureTransport` deny), messages kept 14 days (SQS's maximum) for an operator to inspect and replay.
 * `Monitoring` alarms on every instance as soon as one message is visible.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 */
export class DeadLetterQueue extends Queue {
  readonly holds: string;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      ...(props.removalPolicy ? { removalPolicy: props.removalPolicy } : {}),
    });
    this.holds = props.holds;
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself a dead-letter queue (${props.holds}); a dead-letter queue of a dead-letter queue would only move the problem.`,
    });
  }

  /** Every dead-letter queue under `scope`, in construct-tree order. */
  static within(scope: IConstruct): DeadLetterQueue[] {
    return scope.node.findAll().filter((c): c is DeadLetterQueue => c instanceof DeadLetterQueue);
  }
}
