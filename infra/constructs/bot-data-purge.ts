import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import { JOB_NEEDS } from '../route-needs.js';
import { BOT_DATA_PURGE_TARGET } from '../../shared/domain/bots/purge.js';
import { envNameOf } from '../../shared/ports/async-invoke.js';
import { BotopsFunction, type CapabilityGrant } from './botops-function.js';
import { DeadLetterQueue } from './dead-letter-queue.js';

export interface BotDataPurgeProps {
  /** The single table holding the bots' data partitions. */
  readonly table: ITable;
  /**
   * What happens to the function's log group when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * The background half of a bot reset or delete (`functions/jobs/bot-data-purge.ts`): deletes the data
 * generations the request made unreachable. Not an API route: callers start it with an asynchronous invoke
 * (the async-invoke port, target `bot-data-purge`), through {@link BotDataPurge.startCapability}.
 *
 * - 15-minute timeout (the job stops a minute early and lets the retry continue), 256 MB: it only pages keys.
 * - Table access as `JOB_NEEDS` declares it: Query and GetItem, BatchWriteItem, on team and call-pointer partitions.
 * - Event invoke config: 2 retries (Lambda's backoff), events older than 6 h dropped, and every event that still
 *   failed sent to a dead-letter queue so an operator can replay it.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
export class BotDataPurge extends Construct {
  readonly function: BotopsFunction;
  readonly deadLetterQueue: DeadLetterQueue;
  /** The `botDataPurge` need: `ASYNC_TARGET_BOT_DATA_PURGE` and `lambda:InvokeFunction` on this one function. */
  readonly startCapability: CapabilityGrant;

  constructor(scope: Construct, id: string, props: BotDataPurgeProps) {
    super(scope, id);
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue', {
      holds: "the bot data purge's asynchronous invocations that failed after Lambda's retries",
    });

    this.function = new BotopsFunction(this, 'Function', {
      module: 'jobs/bot-data-purge',
      description: 'async bot-data-purge -> functions/jobs/bot-data-purge.ts',
      timeout: Duration.minutes(15),
      memorySize: 256,
      logRemovalPolicy: props.logRemovalPolicy,
      needs: JOB_NEEDS['jobs/bot-data-purge'],
      resources: { table: props.table },
    });
    this.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    this.startCapability = {
      policy: new ManagedPolicy(this, 'StartPolicy', {
        description: 'botops: start the bot data purge (asynchronous invoke)',
        statements: [new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.function.functionArn] })],
      }),
      environment: { [envNameOf(BOT_DATA_PURGE_TARGET)]: this.function.functionName },
    };
  }
}
