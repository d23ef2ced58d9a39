import { Aspects, Duration, type IAspect, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, EventField, Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { WEBHOOK_SECRET_PARTITION_PREFIX } from '../../shared/db/keys.js';
import { queueEnvNameOf } from '../../shared/ports/work-queue.js';
import { BotopsFunction } from './botops-function.js';

/** Operations (route table rows) that publish events, and the one allowed to read the push signing secret. */
const PUBLISHERS = ['dialout', 'reportCallEvent'] as const;
const SECRET_READER_ROUTE = 'rotateWebhookSecret';
/** `PUSH_QUEUE` of shared/domain/calls/push.ts; duplicated as a literal so infra does not bundle the domain. */
export const PUSH_QUEUE_NAME = 'post-call-push';
/** `CALL_ENDED` of shared/domain/calls/calls.ts. */
export const CALL_ENDED_DETAIL_TYPE = 'CallEnded';

export interface BotopsCallsProps {
  readonly table: ITable;
  /** Route functions by operation (`BotopsApi.functions`): the publishers get the bus, the rotate route the secret. */
  readonly routeFunctions: ReadonlyMap<string, BotopsFunction>;
  /** @default 20 */
  readonly dialoutRateLimitPerSecond?: number;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * The dialout and post-call push path of issue 5:
 *
 * - **Event bus** (`CallRequested` for the telephony side, `CallEnded`), written by the dialout and call-events
 *   functions (`events:PutEvents` on this bus only, `EVENT_BUS_NAME`).
 * - **Outbox relay**: a function on an EventBridge schedule `rate(1 minute)` that publishes the outbox entries a
 *   request could not (shared/events/outbox.ts), so no accepted dialout is left without its event.
 * - **Post-call push**: a rule on `CallEnded` events with `detail.pushRequested = true` -> an SQS queue (SSE, TLS
 *   only) -> the push function (one attempt per message, 10 s HTTP timeout, 30 s function timeout, partial
 *   batch failures). The function re-queues its own retries with `DelaySeconds` (backoff); messages that keep
 *   failing for botops' own reasons go to the dead-letter queue after 3 receives, and so do events EventBridge
 *   cannot deliver to the queue.
 * - **Signing secret fence**: every function in the stack but the rotate route and the push function gets an
 *   explicit Deny on the `WHSECRET#` partition (`dynamodb:LeadingKeys`), through an Aspect so functions added by
 *   later constructs are fenced too.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html (visibility timeout >= 6x function timeout)
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html (LeadingKeys)
 */
export class BotopsCalls extends Construct {
  readonly bus: EventBus;
  readonly pushQueue: Queue;
  readonly deadLetterQueue: Queue;
  readonly pushFunction: BotopsFunction;
  readonly relayFunction: BotopsFunction;

  constructor(scope: Construct, id: string, props: BotopsCallsProps) {
    super(scope, id);
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;
    const route = (operation: string) => {
      const fn = props.routeFunctions.get(operation);
      if (!fn) throw new Error(`BotopsCalls: no route function for ${operation}`);
      return fn;
    };

    this.bus = new EventBus(this, 'EventBus', { description: 'botops domain events (CallRequested, CallEnded)' });

    this.relayFunction = new BotopsFunction(this, 'OutboxRelayFunction', {
      module: 'events/outbox-relay',
      description: 'EventBridge schedule rate(1 minute) -> functions/events/outbox-relay.ts',
      timeout: Duration.seconds(60),
      logRemovalPolicy,
    }).bindTable(props.table, { write: true });
    new Rule(this, 'OutboxRelaySchedule', {
      description: 'Publishes outbox entries a request could not publish',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.relayFunction, { retryAttempts: 2 })],
    });
    for (const fn of [...PUBLISHERS.map(route), this.relayFunction]) {
      fn.addEnvironment('EVENT_BUS_NAME', this.bus.eventBusName);
      this.bus.grantPutEventsTo(fn);
    }
    route('dialout').addEnvironment('DIALOUT_RATE_LIMIT_PER_SECOND', String(props.dialoutRateLimitPerSecond ?? 20));

    this.deadLetterQueue = new Queue(this, 'PushDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const pushTimeout = Duration.seconds(30);
    this.pushQueue = new Queue(this, 'PushQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(pushTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 3 },
    });
    this.pushFunction = new BotopsFunction(this, 'PostCallPushFunction', {
      module: 'webhooks/post-call-push',
      description: 'SQS post-call push queue -> functions/webhooks/post-call-push.ts',
      timeout: pushTimeout,
      environment: { POST_CALL_PUSH_RETRY_BASE_SECONDS: '30' },
      logRemovalPolicy,
    }).bindTable(props.table, { write: true });
    this.pushFunction.addEnvironment(queueEnvNameOf(PUSH_QUEUE_NAME), this.pushQueue.queueUrl);
    this.pushQueue.grantSendMessages(this.pushFunction);
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

    Aspects.of(Stack.of(this)).add(
      new FenceWebhookSecret(props.table, new Set<IConstruct>([route(SECRET_READER_ROUTE), this.pushFunction])),
    );
  }
}

/** Adds the Deny on the signing-secret partition to every BotopsFunction except `allowed`. */
class FenceWebhookSecret implements IAspect {
  constructor(
    private readonly table: ITable,
    private readonly allowed: ReadonlySet<IConstruct>,
  ) {}

  visit(node: IConstruct): void {
    if (!(node instanceof BotopsFunction) || this.allowed.has(node)) return;
    node.addToRolePolicy(
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
