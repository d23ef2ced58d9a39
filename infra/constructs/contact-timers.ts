import { Arn, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { JOB_NEEDS } from '../route-needs.js';
import { SCHEDULER_ENV } from '../../shared/ports/scheduler.js';
import { BotopsFunction, type CapabilityGrant } from './botops-function.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { acknowledgeWildcardResource } from './nag.js';

export interface ContactTimersProps {
  /** The single table: the reactivate function reads bots and contacts and writes contacts and audit events. */
  readonly table: ITable;
  /**
   * What happens to the schedule group (and its pending schedules) and the function's log group when they leave
   * the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Time a late reactivation may still wait for its due time (EventBridge Scheduler's one-minute precision) plus the work. */
const REACTIVATE_TIMEOUT = Duration.seconds(75);

/**
 * Contact reactivation timers on AWS: the pieces EventBridge Scheduler needs to
 * run the one-time `at(...)` schedules that `shared/ports/scheduler.ts` creates.
 *
 * - a dedicated schedule group, so grants and metrics cover exactly these schedules;
 * - the `reactivate-contact` function (`functions/reactivate-contact.ts`), the schedules' target, with a timeout
 *   long enough to wait out an early delivery;
 * - the role Scheduler assumes to invoke it: trusted by `scheduler.amazonaws.com` only for schedules of this
 *   account and group (confused-deputy conditions), allowed `lambda:InvokeFunction` on that function only and
 *   `sqs:SendMessage` to the dead-letter queue;
 * - one dead-letter queue for deliveries Scheduler gave up on and for invocations the function failed after
 *   Lambda's asynchronous retries.
 *
 * Functions that set timers (the `contactTimers` need) get {@link ContactTimers.schedulingCapability}: a managed
 * policy allowing schedule writes in this group only and PassRole of the scheduler role only, and `SCHEDULER_ENV`
 * (group name, target function ARN, role ARN, dead-letter queue ARN).
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
 */
export class ContactTimers extends Construct {
  readonly group: ScheduleGroup;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly schedulerRole: Role;
  readonly reactivateFunction: BotopsFunction;
  readonly schedulingCapability: CapabilityGrant;

  constructor(scope: Construct, id: string, props: ContactTimersProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.group = new ScheduleGroup(this, 'Group', { removalPolicy });

    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue', {
      holds: 'contact reactivation timers that EventBridge Scheduler or the reactivate-contact function gave up on',
      removalPolicy,
    });

    this.reactivateFunction = new BotopsFunction(this, 'ReactivateFunction', {
      module: 'reactivate-contact',
      description: 'EventBridge Scheduler target -> functions/reactivate-contact.ts',
      timeout: REACTIVATE_TIMEOUT,
      logRemovalPolicy: removalPolicy,
      needs: JOB_NEEDS['reactivate-contact'],
      resources: { table: props.table },
    });
    this.reactivateFunction.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(this.deadLetterQueue) });

    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler to run the contact reactivation schedules',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        // Confused-deputy guard as the Scheduler guide sets it: only schedules of this account's group.
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': this.group.scheduleGroupArn } },
      }),
    });
    this.schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.reactivateFunction.functionArn] }),
    );
    this.deadLetterQueue.grantSendMessages(this.schedulerRole);

    const schedulingPolicy = new ManagedPolicy(this, 'SchedulingPolicy', {
      description: 'botops: set and delete contact reactivation timers',
      statements: [
        new PolicyStatement({
          actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
          resources: [this.schedulesArn],
        }),
        new PolicyStatement({ actions: ['iam:PassRole'], resources: [this.schedulerRole.roleArn] }),
      ],
    });
    acknowledgeWildcardResource(
      schedulingPolicy,
      this.schedulesArn,
      'Schedule names are derived per contact at run time; "schedule/<group>/*" is exactly the schedules of the dedicated contact reactivation group.',
    );
    this.schedulingCapability = {
      policy: schedulingPolicy,
      environment: {
        [SCHEDULER_ENV.group]: this.group.scheduleGroupName,
        [SCHEDULER_ENV.targetArn]: this.reactivateFunction.functionArn,
        [SCHEDULER_ENV.roleArn]: this.schedulerRole.roleArn,
        [SCHEDULER_ENV.dlqArn]: this.deadLetterQueue.queueArn,
      },
    };
  }

  /** `arn:...:schedule/<group>/*`: every schedule of the group, the resource of the grants below. */
  get schedulesArn(): string {
    return Arn.format({ service: 'scheduler', resource: 'schedule', resourceName: `${this.group.scheduleGroupName}/*` }, Stack.of(this));
  }
}
