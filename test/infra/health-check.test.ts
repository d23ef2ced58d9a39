import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BotopsStack } from '../../infra/stack.js';

/** The scheduled connector health check: rule -> function -> role -> policy, followed through references. */
type Resource = { Type: string; Properties: Record<string, any> };

describe('connector health check (CDK)', () => {
  let template: Template;
  let fnId: string;
  let fn: Resource;
  let tableId: string;

  beforeAll(() => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    template = Template.fromStack(new BotopsStack(app, 'Botops', { env: { account: '123456789012', region: 'eu-west-1' } }));
    const fns = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: 'EventBridge rate(1 minute) -> functions/health-check.ts' },
    });
    expect(Object.keys(fns)).toHaveLength(1);
    [fnId, fn] = (Object.entries(fns) as [string, Resource][])[0]!;
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

  it('may query, read and put, but not update, delete or scan', () => {
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    const policies = Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) } }),
    ) as Resource[];
    const actions = new Set<string>();
    // Allow statements only: other constructs fence every function with explicit Denies (e.g. the signing secret).
    for (const p of policies)
      for (const st of p.Properties.PolicyDocument.Statement) if (st.Effect === 'Allow') for (const a of [st.Action].flat()) actions.add(a);
    for (const a of ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem']) expect(actions).toContain(a);
    for (const a of ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:Scan', 'dynamodb:*'])
      expect(actions).not.toContain(a);
  });
});
