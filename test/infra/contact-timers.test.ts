import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { CONTACT_TIMER_OPERATIONS, BotopsStack } from '../../infra/stack.js';
import { routeKey } from '../../shared/http/route.js';
import { SCHEDULER_ENV } from '../../shared/ports/scheduler.js';
import { type Statement, roleStatements } from '../support/template.js';

/*
 * The contact reactivation timers on AWS (issue 4): schedule group, DLQ, the role EventBridge Scheduler assumes,
 * the reactivate-contact function, and what the timer-setting routes may do. Followed through the template's own
 * references (route -> function -> role -> policy), so a grant on the wrong role fails.
 */

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(new BotopsStack(app, 'Botops', { env: { account: '123456789012', region: 'eu-west-1' } }));
  resources = template.toJSON().Resources;
});

/** The one resource of `type` matching `props`; where other concerns have one too (queues), the ContactTimers one. */
const idOf = (type: string, props: Record<string, unknown> = {}): string => {
  const all = Object.keys(template.findResources(type, { Properties: props }));
  const found = all.length > 1 ? all.filter((id) => id.startsWith('ContactTimers')) : all;
  expect(found, `one ${type}`).toHaveLength(1);
  return found[0]!;
};
const getAtt = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

/** Allow statements of every policy attached to `roleId`. */
const statementsOf = (roleId: string): Statement[] => roleStatements(resources, roleId);
const actionsOf = (roleId: string) => new Set(statementsOf(roleId).flatMap((s) => [s.Action].flat()));
const roleOfFunction = (fnId: string) => resources[fnId]!.Properties.Role['Fn::GetAtt'][0] as string;

function routeFunction(operation: string): string {
  const row = ROUTES.find((r) => r.operation === operation)!;
  return idOf('AWS::Lambda::Function', { Description: Match.stringLikeRegexp(`^${routeKey(row).replace(/[{}]/g, '\\$&')} -> `) });
}

describe('contact timers (EventBridge Scheduler)', () => {
  it('has a dedicated schedule group, retained with the data by default', () => {
    const groupId = idOf('AWS::Scheduler::ScheduleGroup');
    expect(resources[groupId]!.DeletionPolicy).toBe('Retain');
  });

  it('has one encrypted, TLS-only SQS dead-letter queue keeping messages 14 days', () => {
    const dlq = idOf('AWS::SQS::Queue');
    expect(resources[dlq]!.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: dlq }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('runs functions/reactivate-contact.ts as the target, with table writes, a 75 s timeout and failures to the DLQ', () => {
    const fn = idOf('AWS::Lambda::Function', { Description: 'EventBridge Scheduler target -> functions/reactivate-contact.ts' });
    const dlq = idOf('AWS::SQS::Queue');
    expect(resources[fn]!.Properties).toMatchObject({
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Timeout: 75,
      Environment: { Variables: { TABLE_NAME: { Ref: idOf('AWS::DynamoDB::Table') } } },
    });
    const actions = actionsOf(roleOfFunction(fn));
    for (const a of ['dynamodb:GetItem', 'dynamodb:PutItem', 'sqs:SendMessage']) expect(actions).toContain(a);
    expect([...actions].filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole')).toEqual([]);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: getAtt(dlq) } },
    });
  });

  it('gives Scheduler a role it may assume only for this account and group, invoking only that function and sending only to the DLQ', () => {
    const role = idOf('AWS::IAM::Role', { Description: 'Assumed by EventBridge Scheduler to run the contact reactivation schedules' });
    const group = idOf('AWS::Scheduler::ScheduleGroup');
    expect(resources[role]!.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012', 'aws:SourceArn': getAtt(group) } },
      },
    ]);
    const statements = statementsOf(role);
    const target = idOf('AWS::Lambda::Function', { Description: 'EventBridge Scheduler target -> functions/reactivate-contact.ts' });
    expect(statements.filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'))).toEqual([
      { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: getAtt(target) },
    ]);
    const sqs = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('sqs:')));
    expect(sqs).toHaveLength(1);
    expect(sqs[0]!.Resource).toEqual(getAtt(idOf('AWS::SQS::Queue')));
    expect([...actionsOf(role)].every((a) => a === 'lambda:InvokeFunction' || a.startsWith('sqs:'))).toBe(true);
    expect(resources[role]!.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it.each(CONTACT_TIMER_OPERATIONS.map((op) => [op]))(
    '%s gets the scheduler settings, schedule writes on the group only, and PassRole on the scheduler role only',
    (operation) => {
      const fn = routeFunction(operation);
      const groupName = resources[idOf('AWS::Scheduler::ScheduleGroup')]!.Properties.Name as string;
      expect(resources[fn]!.Properties.Environment.Variables).toMatchObject({
        [SCHEDULER_ENV.group]: groupName,
        [SCHEDULER_ENV.targetArn]: getAtt(
          idOf('AWS::Lambda::Function', { Description: 'EventBridge Scheduler target -> functions/reactivate-contact.ts' }),
        ),
        [SCHEDULER_ENV.roleArn]: getAtt(
          idOf('AWS::IAM::Role', { Description: 'Assumed by EventBridge Scheduler to run the contact reactivation schedules' }),
        ),
        [SCHEDULER_ENV.dlqArn]: getAtt(idOf('AWS::SQS::Queue')),
      });
      const statements = statementsOf(roleOfFunction(fn));
      const schedules = {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:scheduler:eu-west-1:123456789012:schedule/${groupName}/*`]],
      };
      const scheduler = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('scheduler:')));
      expect(scheduler.flatMap((s) => [s.Action].flat()).sort()).toEqual([
        'scheduler:CreateSchedule',
        'scheduler:DeleteSchedule',
        'scheduler:UpdateSchedule',
      ]);
      for (const s of scheduler) expect(s.Resource).toEqual(schedules);
      const pass = statements.filter((s) => [s.Action].flat().includes('iam:PassRole'));
      expect(pass).toEqual([
        {
          Action: 'iam:PassRole',
          Effect: 'Allow',
          Resource: getAtt(
            idOf('AWS::IAM::Role', { Description: 'Assumed by EventBridge Scheduler to run the contact reactivation schedules' }),
          ),
        },
      ]);
    },
  );

  it('gives no other function scheduler settings, schedule permissions or PassRole', () => {
    const allowed = new Set(CONTACT_TIMER_OPERATIONS.map(routeFunction));
    for (const [id, r] of Object.entries(template.findResources('AWS::Lambda::Function'))) {
      if (allowed.has(id)) continue;
      const vars = Object.keys((r as Resource).Properties.Environment?.Variables ?? {});
      expect(
        vars.filter((v) => v.startsWith('CONTACT_')),
        id,
      ).toEqual([]);
      expect(
        [...actionsOf(roleOfFunction(id))].filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole'),
        id,
      ).toEqual([]);
    }
  });
});
