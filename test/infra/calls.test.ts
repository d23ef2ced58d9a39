import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatTemplate, newStack } from './support/stack.js';
import { type Resources, actionsOf, functionByDescription, statementsOfFunction } from './support/template.js';

/*
 * The dialout and post-call push resources, followed through the templates' own references: the event bus and who
 * may publish on it, the outbox relay schedule, the post-call push rule -> queue (+ DLQ) -> function, and the IAM
 * fence around the push signing secret.
 */
let template: Template;
let resources: Resources;
let tableId: string;

beforeAll(() => {
  template = flatTemplate(newStack().stack);
  resources = template.toJSON().Resources;
  tableId = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]!;
});

const idOf = (type: string, match: (r: Resources[string]) => boolean) => {
  const found = Object.entries(resources).filter(([, r]) => r.Type === type && match(r));
  expect(found, `one ${type}`).toHaveLength(1);
  return found[0]![0];
};
const fnByDescription = (prefix: string) => functionByDescription(resources, prefix)[0];
const allows = (fnId: string, action: string, resource?: unknown) =>
  statementsOfFunction(resources, fnId).some(
    (s) =>
      s.Effect === 'Allow' &&
      actionsOf(s).includes(action) &&
      (resource === undefined || JSON.stringify(s.Resource).includes(JSON.stringify(resource))),
  );

describe('event bus and publishers', () => {
  it('lets exactly the dialout, call-events, relay, dispatcher and watchdog functions publish on the bus, named in EVENT_BUS_NAME', () => {
    const busId = idOf('AWS::Events::EventBus', () => true);
    const publishers = [
      fnByDescription('POST /api/teams/{teamId}/bots/{botId}/dialout ->'),
      fnByDescription('POST /api/teams/{teamId}/calls/{callId}/events ->'),
      fnByDescription('EventBridge schedule rate(1 minute) -> functions/events/outbox-relay.ts'),
      fnByDescription('Scheduler rate(1 minute) and call ends -> functions/jobs/campaign-dispatcher.ts'),
      fnByDescription('Scheduler rate(1 minute) -> functions/jobs/call-watchdog.ts'),
    ];
    for (const fn of publishers) {
      expect(resources[fn]!.Properties.Environment.Variables.EVENT_BUS_NAME).toEqual({ Ref: busId });
      expect(allows(fn, 'events:PutEvents', { 'Fn::GetAtt': [busId, 'Arn'] })).toBe(true);
    }
    const others = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => !publishers.includes(id));
    for (const fn of others) expect(allows(fn, 'events:PutEvents'), fn).toBe(false);
  });

  it('configures the dialout rate limit (default 20 per second)', () => {
    const fn = fnByDescription('POST /api/teams/{teamId}/bots/{botId}/dialout ->');
    expect(resources[fn]!.Properties.Environment.Variables.DIALOUT_RATE_LIMIT_PER_SECOND).toBe('20');
  });

  it('runs the outbox relay every minute', () => {
    const relay = fnByDescription('EventBridge schedule rate(1 minute)');
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [relay, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } })],
    });
    expect(resources[relay]!.Properties).toMatchObject({
      Handler: 'index.handler',
      Timeout: 60,
      Environment: { Variables: { TABLE_NAME: { Ref: tableId } } },
    });
  });
});

describe('post-call push path', () => {
  it('routes CallEnded events that request a push to an encrypted queue, with a dead-letter queue for both hops', () => {
    const busId = idOf('AWS::Events::EventBus', () => true);
    const queueId = idOf('AWS::SQS::Queue', (r) => r.Properties.RedrivePolicy !== undefined);
    const dlqId = resources[queueId]!.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0];
    expect(resources[queueId]!.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 180,
      RedrivePolicy: { maxReceiveCount: 3 },
    });
    expect(resources[dlqId]!.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: busId },
      EventPattern: { source: ['botops'], 'detail-type': ['CallEnded'], detail: { pushRequested: [true] } },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [queueId, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
          InputTransformer: Match.objectLike({ InputPathsMap: { 'detail-teamId': '$.detail.teamId', 'detail-callId': '$.detail.callId' } }),
        }),
      ],
    });
    for (const q of [queueId, dlqId]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: q }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });

  it('feeds the push function from the queue (partial batch failures) and lets it queue its own retries', () => {
    const queueId = idOf('AWS::SQS::Queue', (r) => r.Properties.RedrivePolicy !== undefined);
    const push = fnByDescription('SQS post-call push queue -> functions/webhooks/post-call-push.ts');
    expect(resources[push]!.Properties).toMatchObject({
      Handler: 'index.handler',
      Timeout: 30,
      Environment: {
        Variables: { TABLE_NAME: { Ref: tableId }, QUEUE_URL_POST_CALL_PUSH: { Ref: queueId }, POST_CALL_PUSH_RETRY_BASE_SECONDS: '30' },
      },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionName: { Ref: push },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(allows(push, 'sqs:SendMessage', { 'Fn::GetAtt': [queueId, 'Arn'] })).toBe(true);
    expect(allows(push, 'sqs:ReceiveMessage', { 'Fn::GetAtt': [queueId, 'Arn'] })).toBe(true);
  });
});

describe('signing secret fence', () => {
  const denies = (fnId: string) =>
    statementsOfFunction(resources, fnId).some(
      (s) =>
        s.Effect === 'Deny' &&
        s.Sid === 'DenyWebhookSigningSecret' &&
        JSON.stringify(s.Condition) === JSON.stringify({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['WHSECRET#*'] } }),
    );
  const allowsSecret = (fnId: string) =>
    statementsOfFunction(resources, fnId).some((s) => s.Effect === 'Allow' && JSON.stringify(s.Condition ?? {}).includes('WHSECRET#'));

  it('allows the WHSECRET# partition to the rotate route and the push function only, and denies it to every other function with table access', () => {
    const allowed = [fnByDescription('POST /api/teams/{teamId}/webhook-secret/rotate ->'), fnByDescription('SQS post-call push queue')];
    const all = Object.keys(template.findResources('AWS::Lambda::Function'));
    expect(all.length).toBeGreaterThan(allowed.length + 10);
    for (const fn of all) {
      expect(allowsSecret(fn), fn).toBe(allowed.includes(fn));
      const tableAccess = resources[fn]!.Properties.Environment?.Variables?.TABLE_NAME !== undefined;
      expect(denies(fn), fn).toBe(tableAccess && !allowed.includes(fn));
    }
  });
});
