import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatTemplate, newStack } from './support/stack.js';
import { type Resource, type Resources, allowedActions, functionByDescription, leadingKeys, tableStatements } from './support/template.js';

/** The scheduled connector health check: rule -> function -> role -> policy, followed through references. */
describe('connector health check (CDK)', () => {
  let template: Template;
  let resources: Resources;
  let fnId: string;
  let fn: Resource;
  let tableId: string;

  beforeAll(() => {
    template = flatTemplate(newStack().stack);
    resources = template.toJSON().Resources;
    [fnId, fn] = functionByDescription(resources, 'EventBridge rate(1 minute) -> functions/health-check.ts');
    tableId = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]!;
  });

  it('is an EventBridge rule rate(1 minute) targeting the health-check function, without retries', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 0 } })],
    });
    const rules = Object.entries(template.findResources('AWS::Events::Rule')).filter(([, r]) =>
      JSON.stringify(r.Properties.Targets).includes(`"${fnId}"`),
    );
    expect(rules).toHaveLength(1);
    const [ruleId] = rules[0]!;
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 60,
    });
  });

  it('runs functions/health-check.ts with a timeout sized for the fan-out and the table name', () => {
    expect(fn.Properties).toMatchObject({
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: 120,
      MemorySize: 1024,
      Environment: { Variables: { TABLE_NAME: { Ref: tableId }, POWERTOOLS_SERVICE_NAME: 'botops' } },
    });
  });

  it('may query the health-check index and read and put team items, but not update, delete or scan', () => {
    const actions = allowedActions(resources, fnId);
    for (const a of ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem']) expect(actions).toContain(a);
    for (const a of ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:Scan', 'dynamodb:*'])
      expect(actions).not.toContain(a);
    const t = tableStatements(resources, fnId);
    expect(leadingKeys(t.TableRead!)!.sort()).toEqual(['HEALTHCHECK#*', 'TEAM#*']);
    expect(leadingKeys(t.TableWrite!)).toEqual(['TEAM#*']);
  });
});
