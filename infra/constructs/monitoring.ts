import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { METRIC_NAMESPACE, OUTBOX_AGE_METRIC } from './monitoring-names.js';

/** CloudWatch takes at most 10 metrics in the math expression of one alarm. */
const MAX_ALARM_METRICS = 10;

/** Alarms an alarm topic notifies, both ways: into ALARM and back to OK. */
function notify(alarm: Alarm, topic: ITopic): Alarm {
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}

export type FunctionGroupAlarms = { errors: Alarm[]; throttles: Alarm[] };

/**
 * The errors and throttles alarms of a group of functions (a route group, the jobs, the authorizer): each alarms
 * on the sum of the group's Lambda `Errors` (>= 3 in 5 minutes: unhandled exceptions and timeouts, not 4xx or
 * handled 5xx answers) or `Throttles` (>= 5 in 5 minutes: the account's concurrency is exhausted). A group of more
 * than ten functions gets one alarm per ten (CloudWatch's limit of metrics per alarm): `<Group>Errors`,
 * `<Group>Errors2`, ...
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create-alarm-on-metric-math-expression.html
 */
export function functionGroupAlarms(
  scope: Construct,
  props: { name: string; functions: readonly IFunction[]; topic: ITopic },
): FunctionGroupAlarms {
  const alarms: FunctionGroupAlarms = { errors: [], throttles: [] };
  for (let i = 0; i < props.functions.length; i += MAX_ALARM_METRICS) {
    const chunk = props.functions.slice(i, i + MAX_ALARM_METRICS);
    const part = i === 0 ? '' : String(i / MAX_ALARM_METRICS + 1);
    // Ids unique across groups, so one dashboard graph can show several groups' sums.
    const idOf = (j: number) => `${props.name.charAt(0).toLowerCase()}${props.name.slice(1)}${i + j}`;
    const sum = (metric: 'Errors' | 'Throttles') =>
      new MathExpression({
        expression: `SUM([${chunk.map((_, j) => idOf(j)).join(',')}])`,
        usingMetrics: Object.fromEntries(
          chunk.map((fn, j) => [idOf(j), fn.metric(metric, { statistic: 'Sum', period: Duration.minutes(5) })]),
        ),
        label: `${props.name} ${metric.toLowerCase()}`,
        period: Duration.minutes(5),
      });
    alarms.errors.push(
      notify(
        new Alarm(scope, `${props.name}Errors${part}`, {
          alarmDescription: `Lambda errors (unhandled exceptions, timeouts) of the ${props.name} functions`,
          metric: sum('Errors'),
          threshold: 3,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
        props.topic,
      ),
    );
    alarms.throttles.push(
      notify(
        new Alarm(scope, `${props.name}Throttles${part}`, {
          alarmDescription: `Lambda throttles (concurrency exhausted) of the ${props.name} functions`,
          metric: sum('Throttles'),
          threshold: 5,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
        props.topic,
      ),
    );
  }
  return alarms;
}

/** The alarm topic: SNS, TLS-only publishing, with an optional e-mail subscription. */
export class AlarmTopic extends Topic {
  constructor(scope: Construct, id: string, props: { email?: string }) {
    super(scope, id, { displayName: 'botops alarms', enforceSSL: true });
    if (props.email) this.addSubscription(new EmailSubscription(props.email));
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarms cannot publish to a topic encrypted with the AWS managed SNS key, and a customer managed key costs $1 a month for notifications that carry only alarm names and states, no data.',
    });
  }
}

export interface MonitoringProps {
  readonly topic: ITopic;
  readonly httpApi: HttpApi;
  readonly table: ITable;
  /** Functions alarmed as groups outside the route groups (the authorizer, the jobs), by group name. */
  readonly functionGroups: Readonly<Record<string, readonly IFunction[]>>;
  /** Alarms made elsewhere (the route groups') to show on the dashboard. */
  readonly otherAlarms: readonly IAlarm[];
  readonly healthCheckFunction: IFunction;
  readonly reactivateFunction: IFunction;
  readonly scheduleGroup: IScheduleGroup;
  readonly dialoutFunction?: IFunction;
  /** Metric filter output of the audit exporter (exports it recorded as failed). */
  readonly auditExportFailureMetric: string;
}

/**
 * What an on-call engineer gets on day one: alarms to the alarm topic and one CloudWatch dashboard.
 *
 * Alarms (each notifies on ALARM and on OK):
 * - every {@link DeadLetterQueue} of the stack: a message visible (>= 1, 5 minutes);
 * - the API's 5xx rate: >= 2% of requests in 2 of 3 five-minute periods, counted only with >= 20 requests;
 * - the function groups: errors and throttles ({@link functionGroupAlarms});
 * - the connector health check: an error in 3 consecutive one-minute runs;
 * - audit exports recorded as failed: >= 1 in 5 minutes;
 * - the outbox relay falling behind: its oldest entry older than 5 minutes for 3 consecutive minutes, or no
 *   report for 3 minutes (the relay is not running);
 * - DynamoDB throttled requests of the table (every operation the code uses): >= 1 in 2 consecutive 5-minute periods.
 *
 * Dashboard: API requests, latency p50/p99, 4xx/5xx; function errors and throttles; contact timers fired, retried
 * (late) and dead-lettered; health-check runs; dialouts; the outbox age; DynamoDB throttles; every alarm's state.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/monitoring-cloudwatch.html
 */
export class Monitoring extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const add = (alarm: Alarm) => {
      this.alarms.push(notify(alarm, props.topic));
      return alarm;
    };
    const fiveMinutes = Duration.minutes(5);

    for (const dlq of DeadLetterQueue.within(Stack.of(this))) {
      add(
        new Alarm(this, `${dlq.node.path.split('/').slice(1).join('')}Depth`, {
          alarmDescription: `Dead-letter queue not empty: ${dlq.holds}`,
          metric: dlq.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: fiveMinutes }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    const requests = props.httpApi.metricCount({ statistic: 'Sum', period: fiveMinutes });
    const serverErrors = props.httpApi.metricServerError({ statistic: 'Sum', period: fiveMinutes });
    const clientErrors = props.httpApi.metricClientError({ statistic: 'Sum', period: fiveMinutes });
    const serverErrorRate = new MathExpression({
      expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      label: 'API 5xx %',
      period: fiveMinutes,
    });
    add(
      new Alarm(this, 'Api5xxRate', {
        alarmDescription: 'The HTTP API answered 5xx to >= 2% of requests (with at least 20 requests in 5 minutes)',
        metric: serverErrorRate,
        threshold: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    const groupAlarms = Object.entries(props.functionGroups).map(([name, functions]) =>
      functionGroupAlarms(this, { name, functions, topic: props.topic }),
    );
    for (const g of groupAlarms) this.alarms.push(...g.errors, ...g.throttles);

    const healthCheckErrors = props.healthCheckFunction.metricErrors({ statistic: 'Sum', period: Duration.minutes(1) });
    add(
      new Alarm(this, 'HealthCheckErrors', {
        alarmDescription: 'The connector health check failed in 3 consecutive runs (connectors are no longer checked)',
        metric: healthCheckErrors,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    const exportFailures = new Metric({
      namespace: METRIC_NAMESPACE,
      metricName: props.auditExportFailureMetric,
      statistic: 'Sum',
      period: fiveMinutes,
    });
    add(
      new Alarm(this, 'AuditExportFailures', {
        alarmDescription: 'An audit export was recorded as failed (the requester sees status "failed")',
        metric: exportFailures,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    const outboxAge = new Metric({
      namespace: METRIC_NAMESPACE,
      metricName: OUTBOX_AGE_METRIC.name,
      dimensionsMap: { service: 'botops' },
      statistic: 'Maximum',
      period: Duration.minutes(1),
    });
    add(
      new Alarm(this, 'OutboxRelayBehind', {
        alarmDescription: 'The oldest outbox entry is older than 5 minutes, or the outbox relay stopped reporting',
        metric: outboxAge,
        threshold: 300,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.BREACHING,
      }),
    );

    const throttled = props.table.metricThrottledRequestsForOperations({
      operations: [
        Operation.GET_ITEM,
        Operation.BATCH_GET_ITEM,
        Operation.QUERY,
        Operation.PUT_ITEM,
        Operation.UPDATE_ITEM,
        Operation.DELETE_ITEM,
        Operation.BATCH_WRITE_ITEM,
        Operation.TRANSACT_WRITE_ITEMS,
        Operation.TRANSACT_GET_ITEMS,
      ],
      period: fiveMinutes,
    });
    add(
      new Alarm(this, 'TableThrottledRequests', {
        alarmDescription: 'DynamoDB throttled requests of the table in 2 consecutive 5-minute periods (hot partition or a burst)',
        metric: throttled,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    const scheduler = (metricName: string) =>
      new Metric({
        namespace: 'AWS/Scheduler',
        metricName,
        dimensionsMap: { ScheduleGroup: props.scheduleGroup.scheduleGroupName },
        statistic: 'Sum',
        period: fiveMinutes,
      });
    const sum = { statistic: 'Sum', period: fiveMinutes };
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) => new GraphWidget({ title, left, right, width: 8, height: 6 });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      defaultInterval: Duration.hours(3),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# botops\nAPI, functions, timers, health checks and dialouts. Alarms notify the alarm topic (stack output `AlarmTopicArn`).',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      graph('API requests', [requests.with({ label: 'requests' })]),
      graph('API latency (ms)', [
        props.httpApi.metricLatency({ statistic: 'p50', period: fiveMinutes, label: 'p50' }),
        props.httpApi.metricLatency({ statistic: 'p99', period: fiveMinutes, label: 'p99' }),
      ]),
      graph('API errors', [serverErrors.with({ label: '5xx' }), clientErrors.with({ label: '4xx' })], [serverErrorRate]),
    );
    this.dashboard.addWidgets(
      graph(
        'Contact timers',
        [
          scheduler('InvocationAttemptCount').with({ label: 'fired (delivery attempts)' }),
          scheduler('TargetErrorCount').with({ label: 'late: delivery failed, retried' }),
          scheduler('InvocationsSentToDeadLetterCount').with({ label: 'dead-lettered' }),
        ],
        [props.reactivateFunction.metric('AsyncEventAge', { statistic: 'p99', period: fiveMinutes, label: 'queued before run, p99 (ms)' })],
      ),
      graph(
        'Connector health checks',
        [
          props.healthCheckFunction.metricInvocations({ ...sum, label: 'runs' }),
          healthCheckErrors.with({ period: fiveMinutes, label: 'failed runs' }),
        ],
        [props.healthCheckFunction.metricDuration({ statistic: 'p99', period: fiveMinutes, label: 'run time p99 (ms)' })],
      ),
      graph(
        'Dialouts and outbox',
        props.dialoutFunction ? [props.dialoutFunction.metricInvocations({ ...sum, label: 'dialout requests' })] : [],
        [outboxAge.with({ label: 'oldest outbox entry (s)' })],
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Function errors by group',
        groupAlarms.flatMap((g) => g.errors.map((a) => a.metric)),
      ),
      graph('DynamoDB', [throttled], [props.table.metricConsumedReadCapacityUnits({ ...sum, label: 'RCU' })]),
      graph('Audit exports', [exportFailures.with({ label: 'failed exports' })]),
    );
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: [...this.alarms, ...props.otherAlarms], width: 24, height: 6 }),
    );
  }
}
