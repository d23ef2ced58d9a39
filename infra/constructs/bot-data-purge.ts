import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BOT_DATA_PURGE_TARGET } from '../../shared/domain/bots/purge.js';
import { envNameOf } from '../../shared/ports/async-invoke.js';
import { BotopsFunction } from './botops-function.js';

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
 * (the async-invoke port, target `bot-data-purge`), see {@link BotDataPurge.grantStart}.
 *
 * - 15-minute timeout (the job stops a minute early and lets the retry continue), 256 MB: it only pages keys.
 * - Table access limited to what it does, on the base table only: Query, GetItem, BatchWriteItem.
 * - Event invoke config: 2 retries (Lambda's backoff), events older than 6 h dropped, and every event that still
 *   failed sent to an SQS dead-letter queue (encrypted, TLS only, kept 14 days) so an operator can replay it.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
export class BotDataPurge extends Construct {
  readonly function: BotopsFunction;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: BotDataPurgeProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself a dead-letter queue: the on-failure destination of the purge function's asynchronous invocations.",
    });

    this.function = new BotopsFunction(this, 'Function', {
      module: 'jobs/bot-data-purge',
      description: 'async bot-data-purge -> functions/jobs/bot-data-purge.ts',
      timeout: Duration.minutes(15),
      memorySize: 256,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    this.function.addEnvironment('TABLE_NAME', props.table.tableName);
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:BatchWriteItem'],
        resources: [props.table.tableArn],
      }),
    );
    this.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
  }

  /**
   * Lets `fn` start the purge: sets `ASYNC_TARGET_BOT_DATA_PURGE` to this function's name (read by the
   * async-invoke port) and allows `lambda:InvokeFunction` on this one function, nothing wider.
   */
  grantStart(fn: BotopsFunction): void {
    fn.addEnvironment(envNameOf(BOT_DATA_PURGE_TARGET), this.function.functionName);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.function.functionArn] }));
  }
}
