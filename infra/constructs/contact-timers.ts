import { Arn, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SCHEDULER_ENV } from '../../shared/ports/scheduler.js';
import { BotopsFunction } from './botops-function.js';

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
 * Contact reactivation timers on AWS (issue 4, DESIGN.md "Timers"): the pieces EventBridge Scheduler needs to
 * run the one-time `at(...)` schedules that `shared/ports/scheduler.ts` creates.
 *
 * - a dedicated schedule group, so grants and metrics cover exactly these schedules;
 * - the `reactivate-contact` function (`functions/reactivate-contact.ts`), the schedules' target, with a timeout
 *   long enough to wait out an early delivery;
 * - the role Scheduler assumes to invoke it: trusted by `scheduler.amazonaws.com` only for schedules of this
 *   account and group (confused-deputy conditions), allowed `lambda:InvokeFunction` on that function only and
 *   `sqs:SendMessage` to the dead-letter queue;
 * - one SQS dead-letter queue (SSE, TLS only, 14 days) for deliveries Scheduler gave up on and for invocations
 *   the function failed after Lambda's asynchronous retries.
 *
 * Functions that set timers get everything through {@link ContactTimers.allowScheduling}.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
 */
export class ContactTimers extends Construct {
  readonly group: ScheduleGroup;
  readonly deadLetterQueue: Queue;
  readonly schedulerRole: Role;
  readonly reactivateFunction: BotopsFunction;

  constructor(scope: Construct, id: string, props: ContactTimersProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.group = new ScheduleGroup(this, 'Group', { removalPolicy });

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the contact reactivation schedules and of the reactivate-contact function; a DLQ of a DLQ would only move the problem.',
    });

    this.reactivateFunction = new BotopsFunction(this, 'ReactivateFunction', {
      module: 'reactivate-contact',
      description: 'EventBridge Scheduler target -> functions/reactivate-contact.ts',
      timeout: REACTIVATE_TIMEOUT,
      logRemovalPolicy: removalPolicy,
    }).bindTable(props.table, { write: true });
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
  }

  /** `arn:...:schedule/<group>/*`: every schedule of the group, the resource of the grants below. */
  get schedulesArn(): string {
    return Arn.format({ service: 'scheduler', resource: 'schedule', resourceName: `${this.group.scheduleGroupName}/*` }, Stack.of(this));
  }

  /**
   * Lets `fn` create, replace and delete schedules of this group only, pass the scheduler role only, and tells it
   * where everything is (`SCHEDULER_ENV`: group name, target function ARN, role ARN, DLQ ARN).
   */
  allowScheduling(fn: BotopsFunction): void {
    fn.addEnvironment(SCHEDULER_ENV.group, this.group.scheduleGroupName);
    fn.addEnvironment(SCHEDULER_ENV.targetArn, this.reactivateFunction.functionArn);
    fn.addEnvironment(SCHEDULER_ENV.roleArn, this.schedulerRole.roleArn);
    fn.addEnvironment(SCHEDULER_ENV.dlqArn, this.deadLetterQueue.queueArn);
    this.group.grantWriteSchedules(fn);
    this.group.grantDeleteSchedules(fn);
    this.schedulerRole.grantPassRole(fn.grantPrincipal);
    Validations.of(fn.executionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagString(Stack.of(this).resolve(this.schedulesArn))}]`,
      reason:
        'Schedule names are derived per contact at run time; "schedule/<group>/*" is exactly the schedules of the dedicated contact reactivation group.',
    });
  }
}

/**
 * A resolved CloudFormation value as cdk-nag prints it in a finding id: `Fn::Join` flattened, `{ Ref: X }` as
 * `<X>`, `{ Fn::GetAtt: [A, B] }` as `<A.B>`.
 */
function nagString(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, unknown[]] };
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::GetAtt']) return `<${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}>`;
  if (v['Fn::Join']) return v['Fn::Join'][1].map(nagString).join(v['Fn::Join'][0]);
  throw new Error(`cannot name ${JSON.stringify(value)} for a cdk-nag acknowledgement`);
}
