import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { JOB_NEEDS } from '../route-needs.js';
import { BotopsFunction } from './botops-function.js';

export interface ConnectorHealthCheckProps {
  /** The single table: the function queries the health-check index and writes connectors, audit and history. */
  readonly table: ITable;
  /**
   * What happens to the function's log group when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * The scheduled connector health check: an EventBridge rule `rate(1 minute)`
 * invoking `functions/health-check.ts`.
 *
 * - Timeout 2 minutes, sized for the fan-out: 100 probes in flight with a 5 s limit each check ~1,200
 *   connectors a minute even if every one of them hangs (far more when they answer); the function stops
 *   starting probes when one could not finish before its timeout, and the rest are first in line next minute.
 *   1024 MB, because Lambda's CPU share grows with memory and TLS handshakes are CPU-bound.
 * - No retries, neither by EventBridge nor by Lambda's asynchronous invocation: a failed run is simply
 *   followed by the next one a minute later, and a retried run would only probe the same connectors twice.
 * - Least privilege as `JOB_NEEDS` declares it: the table's read actions on the health-check index partitions
 *   and team partitions (Query on the index, GetItem of the bot's data generation, ConditionCheckItem) plus PutItem
 *   on team partitions only (each result is a conditional Put; audit and history entries are Puts inside
 *   TransactWriteItems). No UpdateItem, DeleteItem or Scan.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html
 */
export class ConnectorHealthCheck extends Construct {
  readonly function: BotopsFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ConnectorHealthCheckProps) {
    super(scope, id);
    this.function = new BotopsFunction(this, 'Function', {
      module: 'health-check',
      description: 'EventBridge rate(1 minute) -> functions/health-check.ts',
      timeout: Duration.minutes(2),
      memorySize: 1024,
      logRemovalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      needs: JOB_NEEDS['health-check'],
      resources: { table: props.table },
    });
    this.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(1) });

    this.rule = new Rule(this, 'Schedule', {
      description: 'botops connector health check (functions/health-check.ts)',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.function, { retryAttempts: 0 })],
    });
  }
}
