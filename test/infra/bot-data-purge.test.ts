import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { BotopsStack } from '../../infra/stack.js';
import { routeKey } from '../../shared/http/route.js';
import { roleOf, roleStatements } from '../support/template.js';

/** The bot data purge job (issue 3): its function, its async invoke config and DLQ, and who may start it. */
type Resource = { Type: string; Properties: Record<string, any> };

let template: Template;
let resources: Record<string, Resource>;
beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(new BotopsStack(app, 'Botops', { env: { account: '123456789012', region: 'eu-west-1' } }));
  resources = template.toJSON().Resources;
});

const byDescription = (description: string): [string, Resource] => {
  const found = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Description === description);
  expect(found, description).toHaveLength(1);
  return found[0]!;
};
const routeFunction = (operation: string) => {
  const r = ROUTES.find((x) => x.operation === operation)!;
  return byDescription(`${routeKey(r)} -> functions/${r.handler}.ts`);
};
/** Statements of the policies attached to a function's role. */
const statementsOf = (fn: Resource) => roleStatements(resources, roleOf(fn));
const actionsOf = (fn: Resource) => new Set(statementsOf(fn).flatMap((s) => [s.Action].flat()));

describe('bot data purge job', () => {
  it('runs functions/jobs/bot-data-purge.ts for up to 15 minutes, with no API route', () => {
    const [, fn] = byDescription('async bot-data-purge -> functions/jobs/bot-data-purge.ts');
    expect(fn.Properties).toMatchObject({ Handler: 'index.handler', Runtime: 'nodejs22.x', Timeout: 900, MemorySize: 256 });
    expect(JSON.stringify(Object.values(template.findResources('AWS::ApiGatewayV2::Route')))).not.toContain('purge');
  });

  it('may only Query, GetItem and BatchWriteItem the base table', () => {
    const [, fn] = byDescription('async bot-data-purge -> functions/jobs/bot-data-purge.ts');
    const tableId = Object.entries(resources).find(([, r]) => r.Type === 'AWS::DynamoDB::Table')![0];
    // what it is allowed (the webhook-secret fence adds an explicit Deny to every function)
    const dynamo = statementsOf(fn).filter((s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:BatchWriteItem'],
        Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
      },
    ]);
  });

  it('retries a failed event twice, then sends it to an encrypted, TLS-only dead-letter queue', () => {
    const [fnId] = byDescription('async bot-data-purge -> functions/jobs/bot-data-purge.ts');
    // the purge's own dead-letter queue (other concerns have queues too)
    const [queueId, queue] = Object.entries(resources).find(([id, r]) => r.Type === 'AWS::SQS::Queue' && id.startsWith('BotDataPurge'))!;
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86400 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
    expect(actionsOf(resources[fnId]!)).toContain('sqs:SendMessage');
  });

  it('is started by the reset and delete functions only: target env var and invoke on this one function', () => {
    const [purgeId] = byDescription('async bot-data-purge -> functions/jobs/bot-data-purge.ts');
    for (const op of ['resetBot', 'deleteBot']) {
      const [, fn] = routeFunction(op);
      expect(fn.Properties.Environment.Variables.ASYNC_TARGET_BOT_DATA_PURGE, op).toEqual({ Ref: purgeId });
      const invoke = statementsOf(fn).filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
      expect(invoke, op).toEqual([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [purgeId, 'Arn'] } }]);
    }
    for (const op of ['pauseBot', 'cloneBot', 'updateBot', 'startCampaign']) {
      const [, fn] = routeFunction(op);
      expect(fn.Properties.Environment.Variables.ASYNC_TARGET_BOT_DATA_PURGE, op).toBeUndefined();
      expect(actionsOf(fn).has('lambda:InvokeFunction'), op).toBe(false);
    }
  });
});
