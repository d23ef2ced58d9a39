import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatTemplate, newStack } from './support/stack.js';
import {
  type Resources,
  actionsOf,
  allowedActions,
  functionByDescription,
  functionOfOperation,
  statementsOfFunction,
} from './support/template.js';

/** The bot data purge job: its function, its async invoke config and DLQ, and who may start it. */
let template: Template;
let resources: Resources;
beforeAll(() => {
  template = flatTemplate(newStack().stack);
  resources = template.toJSON().Resources;
});

const PURGE = 'async bot-data-purge -> functions/jobs/bot-data-purge.ts';

describe('bot data purge job', () => {
  it('runs functions/jobs/bot-data-purge.ts for up to 15 minutes, with no API route', () => {
    const [, fn] = functionByDescription(resources, PURGE);
    expect(fn.Properties).toMatchObject({ Handler: 'index.handler', Runtime: 'nodejs22.x', Timeout: 900, MemorySize: 256 });
    expect(JSON.stringify(Object.values(template.findResources('AWS::ApiGatewayV2::Route')))).not.toContain('purge');
  });

  it('may only Query and GetItem, BatchWriteItem, and Put/Delete (the connectors of a deleted bot with their audit events), team partitions and call pointers', () => {
    const [id] = functionByDescription(resources, PURGE);
    const dynamo = statementsOfFunction(resources, id).filter(
      (s) => s.Effect === 'Allow' && actionsOf(s).some((a) => a.startsWith('dynamodb:')),
    );
    const keys = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TEAM#*', 'CALLREF#*'] } };
    expect(dynamo.map((s) => [s.Sid, s.Action, s.Condition])).toEqual([
      ['TableRead', ['dynamodb:GetItem', 'dynamodb:Query'], keys],
      ['TableWrite', ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem'], keys],
    ]);
  });

  it('retries a failed event twice, then sends it to an encrypted, TLS-only dead-letter queue', () => {
    const [fnId] = functionByDescription(resources, PURGE);
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
    expect(allowedActions(resources, fnId)).toContain('sqs:SendMessage');
  });

  it('is started by the reset and delete functions only: target env var and invoke on this one function', () => {
    const [purgeId] = functionByDescription(resources, PURGE);
    for (const op of ['resetBot', 'deleteBot']) {
      const [fnId, fn] = functionOfOperation(resources, op);
      expect(fn.Properties.Environment.Variables.ASYNC_TARGET_BOT_DATA_PURGE, op).toEqual({ Ref: purgeId });
      const invoke = statementsOfFunction(resources, fnId).filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
      expect(invoke, op).toEqual([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [purgeId, 'Arn'] } }]);
    }
    for (const op of ['pauseBot', 'cloneBot', 'updateBot', 'startCampaign']) {
      const [fnId, fn] = functionOfOperation(resources, op);
      expect(fn.Properties.Environment.Variables.ASYNC_TARGET_BOT_DATA_PURGE, op).toBeUndefined();
      expect(allowedActions(resources, fnId).has('lambda:InvokeFunction'), op).toBe(false);
    }
  });
});
