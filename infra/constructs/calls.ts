import { Aspects, Duration, type IAspect, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, EventField, Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { JOB_NEEDS } from '../route-needs.js';
import { WEBHOOK_SECRET_PARTITION_PREFIX } from '../../shared/db/keys.js';
import { queueEnvNameOf } from '../../shared/ports/work-queue.js';
import { BotopsFunction, type CapabilityGrant } from './botops-function.js';
import { DeadLetterQueue } from './dead-letter-queue.js';

/** `PUSH_QUEUE` of shared/domain/calls/push.ts; duplicated as a literal so infra does not bundle the domain. */
export const PUSH_QUEUE_NAME = 'post-call-push';
/** `CALL_ENDED` of shared/domain/calls/calls.ts. */
export const CALL_ENDED_DETAIL_TYPE = 'CallEnded';

export interface BotopsCallsProps {
  readonly table: ITable;
  /** @default 20 */
  readonly dialoutRateLimitPerSecond?: number;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * The dialout and post-call push path:
 *
 * - **Event bus** (`CallRequested` for the telephony side, `CallEnded`). Functions declaring the `eventBus` need get
 *   {@link BotopsCalls.publishCapability}: `EVENT_BUS_NAME` and `events:PutEvents` on this bus only; the dialout
 *   route's `dialoutRateLimit` need gets `DIALOUT_RATE_LIMIT_PER_SECOND`.
 * - **Outbox relay**: a function on an EventBridge schedule `rate(1 minute)` that publishes the outbox entries a
 *   request could not (shared/events/outbox.ts), so no accepted dialout is left without its event. Each pass
 *   reports the age of the oldest entry left as the `OutboxOldestEntryAgeSeconds` metric.
 * - **Post-call push**: a rule on `CallEnded` events with `detail.pushRequested = true` -> an SQS queue (SSE, TLS
 *   only) -> the push function (one attempt per message, 10 s HTTP timeout, 30 s function timeout, partial
 *   batch failures). The function re-queues its own retries with `DelaySeconds` (backoff); messages that keep
 *   failing for botops' own reasons go to the dead-letter queue after 3 receives, and so do events EventBridge
 *   cannot deliver to the queue.
 * - **Signing secret fence**: every function in the stack with table access whose declared needs do not include
 *   the `webhookSecret` partitions gets an explicit Deny on `WHSECRET#*` (`dynamodb:LeadingKeys`), through an Aspect so functions
 *   added by later constructs, in any nested stack, are fenced too. The allow-lists already exclude it; the Deny
 *   keeps it out of reach of any future broader grant.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html (visibility timeout >= 6x function timeout)
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html (LeadingKeys)
 */
export class BotopsCalls extends Construct {
  readonly bus: EventBus;
  readonly pushQueue: Queue;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly pushFunction: BotopsFunction;
  readonly relayFunction: BotopsFunction;
  readonly relaySchedule: Rule;
  readonly publishCapability: CapabilityGrant;
  readonly dialoutRateLimitCapability: CapabilityGrant;

  constructor(scope: Construct, id: string, props: BotopsCallsProps) {
    super(scope, id);
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;

    this.bus = new EventBus(this, 'EventBus', { description: 'botops domain events (CallRequested, CallEnded)' });
    const publishPolicy = new ManagedPolicy(this, 'PublishPolicy', { description: 'botops: publish domain events on the bus' });
    this.bus.grantPutEventsTo(publishPolicy);
    this.publishCapability = { policy: publishPolicy, environment: { EVENT_BUS_NAME: this.bus.eventBusName } };
    this.dialoutRateLimitCapability = {
      environment: { DIALOUT_RATE_LIMIT_PER_SECOND: String(props.dialoutRateLimitPerSecond ?? 20) },
    };

    this.relayFunction = new BotopsFunction(this, 'OutboxRelayFunction', {
      module: 'events/outbox-relay',
      description: 'EventBridge schedule rate(1 minute) -> functions/events/outbox-relay.ts',
      timeout: Duration.seconds(60),
      logRemovalPolicy,
      needs: JOB_NEEDS['events/outbox-relay'],
      resources: { table: props.table, capabilities: { eventBus: this.publishCapability } },
    });
    this.relaySchedule = new Rule(this, 'OutboxRelaySchedule', {
      description: 'Publishes outbox entries a request could not publish',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.relayFunction, { retryAttempts: 2 })],
    });

    this.deadLetterQueue = new DeadLetterQueue(this, 'PushDeadLetterQueue', {
      holds: 'post-call push messages that failed 3 receives, and CallEnded events EventBridge could not queue',
    });
    const pushTimeout = Duration.seconds(30);
    this.pushQueue = new Queue(this, 'PushQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(pushTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 3 },
    });
    const sendPolicy = new ManagedPolicy(this, 'PushQueueSendPolicy', { description: 'botops: queue post-call push attempts' });
    this.pushQueue.grantSendMessages(sendPolicy);
    this.pushFunction = new BotopsFunction(this, 'PostCallPushFunction', {
      module: 'webhooks/post-call-push',
      description: 'SQS post-call push queue -> functions/webhooks/post-call-push.ts',
      timeout: pushTimeout,
      environment: { POST_CALL_PUSH_RETRY_BASE_SECONDS: '30' },
      logRemovalPolicy,
      needs: JOB_NEEDS['webhooks/post-call-push'],
      resources: {
        table: props.table,
        capabilities: { pushQueue: { policy: sendPolicy, environment: { [queueEnvNameOf(PUSH_QUEUE_NAME)]: this.pushQueue.queueUrl } } },
      },
    });
    this.pushFunction.addEventSource(new SqsEventSource(this.pushQueue, { batchSize: 10, reportBatchItemFailures: true }));

    new Rule(this, 'CallEndedPushRule', {
      description: 'Completed or failed calls whose bot has a post-call push -> the push queue',
      eventBus: this.bus,
      eventPattern: { source: ['botops'], detailType: [CALL_ENDED_DETAIL_TYPE], detail: { pushRequested: [true] } },
      targets: [
        new SqsQueue(this.pushQueue, {
          message: RuleTargetInput.fromObject({
            teamId: EventField.fromPath('$.detail.teamId'),
            callId: EventField.fromPath('$.detail.callId'),
            attempt: 1,
          }),
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 10,
        }),
      ],
    });

    Aspects.of(Stack.of(this)).add(new FenceWebhookSecret(props.table));
  }
}

/** Adds the Deny on the signing-secret partition to every BotopsFunction not declared to use it. */
class FenceWebhookSecret implements IAspect {
  constructor(private readonly table: ITable) {}

  visit(node: IConstruct): void {
    if (!(node instanceof BotopsFunction)) return;
    const t = node.needs.table;
    // Functions without table access have no DynamoDB permission to fence.
    if (!t || t.read?.includes('webhookSecret') || t.write?.includes('webhookSecret')) return;
    node.executionRole.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'DenyWebhookSigningSecret',
        effect: Effect.DENY,
        actions: [
          'dynamodb:GetItem',
          'dynamodb:BatchGetItem',
          'dynamodb:Query',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
        ],
        resources: [this.table.tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${WEBHOOK_SECRET_PARTITION_PREFIX}*`] } },
      }),
    );
  }
}
