import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { OUTBOX_AGE_METRIC } from '../../shared/events/outbox-age.js';
import { flatTemplate, newStack } from './support/stack.js';
import { type Resource, type Resources, functionByDescription, functionOfOperation } from './support/template.js';

/*
 * What on-call gets: the alarm topic and its e-mail subscription, one alarm per concern with its metric, every alarm
 * notifying the topic, and the dashboard.
 */
let template: Template;
let resources: Resources;
let topicId: string;

beforeAll(() => {
  template = flatTemplate(newStack({}, { alarmEmail: 'oncall@example.com' }).stack);
  resources = template.toJSON().Resources;
  topicId = Object.keys(template.findResources('AWS::SNS::Topic'))[0]!;
});

const alarms = () => Object.entries(resources).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm') as [string, Resource][];
const alarm = (idPrefix: string) => {
  const found = alarms().filter(([id]) => id.startsWith(idPrefix));
  expect(found, idPrefix).toHaveLength(1);
  return found[0]![1].Properties;
};
/** The metrics an alarm reads: its own, or those of its math expression. */
const metricsOf = (p: Record<string, any>) =>
  p.MetricName ? [p] : (p.Metrics as any[]).filter((m) => m.MetricStat).map((m) => ({ ...m.MetricStat.Metric, Stat: m.MetricStat.Stat }));

describe('alarm topic', () => {
  it('is an SNS topic that refuses plain-HTTP publishing, with the e-mail subscription of the stack prop', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
      TopicArn: { Ref: topicId },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('has no subscription without an address', () => {
    expect(Object.keys(flatTemplate(newStack().stack).findResources('AWS::SNS::Subscription'))).toEqual([]);
  });
});

describe('alarms', () => {
  it('all notify the topic on ALARM and on OK', () => {
    expect(alarms().length).toBeGreaterThan(20);
    for (const [id, a] of alarms()) {
      expect(a.Properties.AlarmActions, id).toEqual([{ Ref: topicId }]);
      expect(a.Properties.OKActions, id).toEqual([{ Ref: topicId }]);
    }
  });

  it('watch every dead-letter queue for a visible message', () => {
    const queueIds = Object.keys(template.findResources('AWS::SQS::Queue')).filter((id) => id !== 'CallsPushQueue9EC5C8A8');
    expect(queueIds).toHaveLength(5);
    for (const q of queueIds) {
      const watching = alarms().filter(
        ([, a]) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(a.Properties.Dimensions).includes(q),
      );
      expect(watching, q).toHaveLength(1);
      expect(watching[0]![1].Properties).toMatchObject({
        Namespace: 'AWS/SQS',
        Statistic: 'Maximum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it('watch the API 5xx rate', () => {
    const p = alarm('MonitoringApi5xxRate');
    expect(p.Metrics.find((m: any) => m.Expression).Expression).toBe('IF(requests >= 20, 100 * errors / requests, 0)');
    expect(metricsOf(p).map((m) => [m.Namespace, m.MetricName, m.Dimensions])).toEqual([
      ['AWS/ApiGateway', 'Count', [{ Name: 'ApiId', Value: { Ref: 'ApiHttpApi4C294DC0' } }]],
      ['AWS/ApiGateway', '5xx', [{ Name: 'ApiId', Value: { Ref: 'ApiHttpApi4C294DC0' } }]],
    ]);
    expect(p).toMatchObject({ Threshold: 2, EvaluationPeriods: 3, DatapointsToAlarm: 2 });
  });

  it('watch errors and throttles of every function group: each route tag, the authorizer, the jobs', () => {
    const tags = [...new Set(ROUTES.map((r) => r.tag))];
    const groups = [
      ...tags.map((t) => t.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())),
      'Authorizer',
      'Jobs',
      'CampaignDialling',
    ];
    const watched = new Map<string, Set<string>>();
    for (const [id, a] of alarms()) {
      const m = /^(?:Monitoring)?([A-Z][A-Za-z]*?)(Errors|Throttles)\d*[0-9A-F]{8}$/.exec(id);
      if (!m || !groups.includes(m[1]!)) continue;
      for (const metric of metricsOf(a.Properties)) {
        expect(metric).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: m[2], Stat: 'Sum' });
        const fn = metric.Dimensions[0].Value.Ref as string;
        if (!watched.has(m[2]!)) watched.set(m[2]!, new Set());
        watched.get(m[2]!)!.add(fn);
      }
    }
    // every route function, the authorizer and the jobs are in some group's alarm (the health check has its own)
    const healthCheck = functionByDescription(resources, 'EventBridge rate(1 minute) -> functions/health-check.ts')[0];
    const fns = Object.keys(template.findResources('AWS::Lambda::Function')).filter(
      (id) => id !== healthCheck && !id.startsWith('CustomCDKBucketDeployment'),
    );
    for (const kind of ['Errors', 'Throttles']) expect([...(watched.get(kind) ?? [])].sort(), kind).toEqual(fns.sort());
    for (const op of ['getBot', 'dialout']) expect(watched.get('Errors')).toContain(functionOfOperation(resources, op)[0]);
  });

  it('watch the health-check function errors over 3 consecutive runs', () => {
    const [fn] = functionByDescription(resources, 'EventBridge rate(1 minute) -> functions/health-check.ts');
    expect(alarm('MonitoringHealthCheckErrors')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn } }],
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: 1,
    });
  });

  it('watch audit export failures (the metric filter of the exporter)', () => {
    expect(alarm('MonitoringAuditExportFailures')).toMatchObject({
      Namespace: 'botops',
      MetricName: 'AuditExportFailures',
      Statistic: 'Sum',
      Threshold: 1,
    });
  });

  it('watch the outbox relay falling behind, a silent relay included', () => {
    expect(alarm('MonitoringOutboxRelayBehind')).toMatchObject({
      Namespace: OUTBOX_AGE_METRIC.namespace,
      MetricName: OUTBOX_AGE_METRIC.name,
      Dimensions: [{ Name: 'service', Value: 'botops' }],
      Statistic: 'Maximum',
      Threshold: 300,
      TreatMissingData: 'breaching',
    });
  });

  it('watch DynamoDB throttled requests of the table', () => {
    const p = alarm('MonitoringTableThrottledRequests');
    const metrics = metricsOf(p);
    expect(metrics.length).toBeGreaterThanOrEqual(9);
    for (const m of metrics) {
      expect(m).toMatchObject({ Namespace: 'AWS/DynamoDB', MetricName: 'ThrottledRequests' });
      expect(m.Dimensions).toContainEqual({ Name: 'TableName', Value: { Ref: 'TableCD117FA1' } });
    }
  });
});

describe('dashboard', () => {
  it('shows the API, latency percentiles, errors, timers, health checks, dialouts and every alarm', () => {
    const [, dashboard] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::CloudWatch::Dashboard')!;
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const text of [
      'API requests',
      'API latency',
      'p50',
      'p99',
      'API errors',
      'Contact timers',
      'InvocationAttemptCount',
      'InvocationsSentToDeadLetterCount',
      'Connector health checks',
      'Dialouts',
      'Alarms',
    ]) {
      expect(body, text).toContain(text);
    }
    for (const [id] of alarms()) expect(body, id).toContain(id);
  });
});
