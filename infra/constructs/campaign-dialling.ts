import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { JOB_NEEDS } from '../route-needs.js';
import { envNameOf } from '../../shared/ports/async-invoke.js';
import { BotopsFunction, type CapabilityGrant } from './botops-function.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { acknowledgeWildcardResource } from './nag.js';

/** `DISPATCHER_TARGET` of shared/domain/calls/slots.ts; a literal so infra does not bundle the domain. */
export const DISPATCHER_TARGET_NAME = 'campaign-dispatcher';

export interface CampaignDiallingProps {
  readonly table: ITable;
  /** The `eventBus` capability (`CallRequested`, `CallEnded`), from the calls construct. */
  readonly publishCapability: CapabilityGrant;
  /**
   * How long after its bot's max call duration an unended call is ended `failed` / `timeout` by the watchdog
   * (`CALL_WATCHDOG_GRACE_SECONDS`), in seconds.
   * @default 300
   */
  readonly callWatchdogGraceSeconds?: number;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Campaign dialling's background half:
 *
 * - **Dispatcher** (`functions/jobs/campaign-dispatcher.ts`): an EventBridge Scheduler schedule `rate(1 minute)`,
 *   always on: a pass with nothing to do costs eight Queries (the waiting-call and running-campaign index shards),
 *   about 350,000 read requests a month, cheaper and simpler than enabling and disabling a schedule at every start,
 *   stop and completion (which would need the Scheduler API on three request paths). Call ends and the watchdog
 *   start it at once through {@link CampaignDialling.dispatchCapability} (asynchronous invoke, no retry: the next
 *   pass, at the latest a minute later, does the same work). 60 s timeout; a pass stops 10 s before it.
 * - **Watchdog** (`functions/jobs/call-watchdog.ts`): a Scheduler schedule `rate(1 minute)` ending the calls past
 *   their deadline as `failed` / `timeout`.
 * - Scheduler deliveries that fail after 2 retries land in a dead-letter queue (alarmed by `Monitoring`).
 * - {@link CampaignDialling.graceCapability}: `CALL_WATCHDOG_GRACE_SECONDS` for every function that takes a call
 *   into flight (dialout, dispatcher), so each call's deadline is written with it.
 *
 * Both functions' table access is `JOB_NEEDS`' (least privilege by partition, `dynamodb:LeadingKeys`).
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
export class CampaignDialling extends Construct {
  readonly dispatcher: BotopsFunction;
  readonly watchdog: BotopsFunction;
  readonly dispatcherSchedule: Schedule;
  readonly watchdogSchedule: Schedule;
  readonly deadLetterQueue: DeadLetterQueue;
  /** The `campaignDispatch` need: `ASYNC_TARGET_CAMPAIGN_DISPATCHER` and `lambda:InvokeFunction` on the dispatcher only. */
  readonly dispatchCapability: CapabilityGrant;
  /** The `callWatchdogGrace` need: `CALL_WATCHDOG_GRACE_SECONDS`. */
  readonly graceCapability: CapabilityGrant;

  constructor(scope: Construct, id: string, props: CampaignDiallingProps) {
    super(scope, id);
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;
    this.graceCapability = { environment: { CALL_WATCHDOG_GRACE_SECONDS: String(props.callWatchdogGraceSeconds ?? 300) } };

    this.dispatcher = new BotopsFunction(this, 'DispatcherFunction', {
      module: 'jobs/campaign-dispatcher',
      description: 'Scheduler rate(1 minute) and call ends -> functions/jobs/campaign-dispatcher.ts',
      timeout: Duration.seconds(60),
      memorySize: 1024,
      logRemovalPolicy,
      needs: JOB_NEEDS['jobs/campaign-dispatcher'],
      resources: { table: props.table, capabilities: { eventBus: props.publishCapability, callWatchdogGrace: this.graceCapability } },
    });
    this.dispatcher.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(1) });
    this.dispatchCapability = {
      policy: new ManagedPolicy(this, 'DispatchPolicy', {
        description: 'botops: start a campaign dispatcher pass (asynchronous invoke)',
        statements: [new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.dispatcher.functionArn] })],
      }),
      environment: { [envNameOf(DISPATCHER_TARGET_NAME)]: this.dispatcher.functionName },
    };

    this.watchdog = new BotopsFunction(this, 'WatchdogFunction', {
      module: 'jobs/call-watchdog',
      description: 'Scheduler rate(1 minute) -> functions/jobs/call-watchdog.ts',
      timeout: Duration.seconds(60),
      logRemovalPolicy,
      needs: JOB_NEEDS['jobs/call-watchdog'],
      resources: { table: props.table, capabilities: { eventBus: props.publishCapability, campaignDispatch: this.dispatchCapability } },
    });

    this.deadLetterQueue = new DeadLetterQueue(this, 'ScheduleDeadLetterQueue', {
      holds: 'dispatcher and watchdog schedule deliveries that failed after Scheduler retries',
    });
    // One role for both schedules: Scheduler invokes the two functions (and their versions, `<arn>:*`) and nothing else.
    const role = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'EventBridge Scheduler: invoke the campaign dispatcher and the call watchdog',
    });
    for (const fn of [this.dispatcher, this.watchdog]) {
      acknowledgeWildcardResource(
        role,
        `${fn.functionArn}:*`,
        "Scheduler's Lambda target grants the function's versions and aliases (`<arn>:*`) with the function; nothing else is invokable.",
      );
    }
    const target = (fn: BotopsFunction) =>
      new LambdaInvoke(fn, { role, retryAttempts: 2, maxEventAge: Duration.minutes(1), deadLetterQueue: this.deadLetterQueue });
    this.dispatcherSchedule = new Schedule(this, 'DispatcherSchedule', {
      description: 'botops campaign dispatcher pass (functions/jobs/campaign-dispatcher.ts)',
      schedule: ScheduleExpression.rate(Duration.minutes(1)),
      target: target(this.dispatcher),
    });
    this.watchdogSchedule = new Schedule(this, 'WatchdogSchedule', {
      description: 'botops call watchdog (functions/jobs/call-watchdog.ts)',
      schedule: ScheduleExpression.rate(Duration.minutes(1)),
      target: target(this.watchdog),
    });
  }
}
