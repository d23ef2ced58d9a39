import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_NEEDS } from '../../infra/route-needs.js';
import { SCHEDULER_ENV } from '../../shared/ports/scheduler.js';
import { flatTemplate, newStack } from './support/stack.js';
import { type Resources, type Statement, actionsOf, functionOfOperation, roleStatements } from './support/template.js';

/*
 * The contact reactivation timers on AWS: schedule group, DLQ, the role EventBridge Scheduler assumes, the
 * reactivate-contact function, and what the timer-setting routes may do. Followed through the templates' own
 * references (route -> function -> role -> policies), so a grant on the wrong role fails.
 */
let template: Template;
let resources: Resources;

beforeAll(() => {
  template = flatTemplate(newStack().stack);
  resources = template.toJSON().Resources;
});

/** Routes that declare the contactTimers need. */
const TIMER_OPERATIONS = Object.entries(ROUTE_NEEDS)
  .filter(([, n]) => n?.uses?.includes('contactTimers'))
  .map(([op]) => op);

/** The one resource of `type` matching `props`; where other concerns have one too (queues), the ContactTimers one. */
const idOf = (type: string, props: Record<string, unknown> = {}): string => {
  const all = Object.keys(template.findResources(type, { Properties: props }));
  const found = all.length > 1 ? all.filter((id) => id.startsWith('ContactTimers')) : all;
  expect(found, `one ${type}`).toHaveLength(1);
  return found[0]!;
};
const getAtt = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const statementsOf = (roleId: string): Statement[] => roleStatements(resources, roleId);
const actionsOfRole = (roleId: string) => new Set(statementsOf(roleId).flatMap(actionsOf));
const roleOfFunction = (fnId: string) => resources[fnId]!.Properties.Role['Fn::GetAtt'][0] as string;
const REACTIVATE = 'EventBridge Scheduler target -> functions/reactivate-contact.ts';
const SCHEDULER_ROLE = 'Assumed by EventBridge Scheduler to run the contact reactivation schedules';

describe('contact timers (EventBridge Scheduler)', () => {
  it('are declared by the contact status and message routes', () => {
    expect(TIMER_OPERATIONS.sort()).toEqual(['postContactMessage', 'putContactBotStatus']);
  });

  it('has a dedicated schedule group, retained with the data by default', () => {
    expect((resources[idOf('AWS::Scheduler::ScheduleGroup')] as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
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
    const fn = idOf('AWS::Lambda::Function', { Description: REACTIVATE });
    const dlq = idOf('AWS::SQS::Queue');
    expect(resources[fn]!.Properties).toMatchObject({
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Timeout: 75,
      Environment: { Variables: { TABLE_NAME: { Ref: idOf('AWS::DynamoDB::Table') } } },
    });
    const actions = actionsOfRole(roleOfFunction(fn));
    for (const a of ['dynamodb:GetItem', 'dynamodb:PutItem', 'sqs:SendMessage']) expect(actions).toContain(a);
    expect([...actions].filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole')).toEqual([]);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: getAtt(dlq) } },
    });
  });

  it('gives Scheduler a role it may assume only for this account and group, invoking only that function and sending only to the DLQ', () => {
    const role = idOf('AWS::IAM::Role', { Description: SCHEDULER_ROLE });
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
    const target = idOf('AWS::Lambda::Function', { Description: REACTIVATE });
    expect(statements.filter((s) => actionsOf(s).includes('lambda:InvokeFunction'))).toEqual([
      { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: getAtt(target) },
    ]);
    const sqs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
    expect(sqs).toHaveLength(1);
    expect(sqs[0]!.Resource).toEqual(getAtt(idOf('AWS::SQS::Queue')));
    expect([...actionsOfRole(role)].every((a) => a === 'lambda:InvokeFunction' || a.startsWith('sqs:'))).toBe(true);
    expect(resources[role]!.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it.each(TIMER_OPERATIONS.map((op) => [op]))(
    '%s gets the scheduler settings, schedule writes on the group only, and PassRole on the scheduler role only',
    (operation) => {
      const [fn] = functionOfOperation(resources, operation);
      const groupName = resources[idOf('AWS::Scheduler::ScheduleGroup')]!.Properties.Name as string;
      expect(resources[fn]!.Properties.Environment.Variables).toMatchObject({
        [SCHEDULER_ENV.group]: groupName,
        [SCHEDULER_ENV.targetArn]: getAtt(idOf('AWS::Lambda::Function', { Description: REACTIVATE })),
        [SCHEDULER_ENV.roleArn]: getAtt(idOf('AWS::IAM::Role', { Description: SCHEDULER_ROLE })),
        [SCHEDULER_ENV.dlqArn]: getAtt(idOf('AWS::SQS::Queue')),
      });
      const statements = statementsOf(roleOfFunction(fn));
      const schedules = {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:scheduler:eu-west-1:123456789012:schedule/${groupName}/*`]],
      };
      const scheduler = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('scheduler:')));
      expect(scheduler.flatMap(actionsOf).sort()).toEqual([
        'scheduler:CreateSchedule',
        'scheduler:DeleteSchedule',
        'scheduler:UpdateSchedule',
      ]);
      for (const s of scheduler) expect(s.Resource).toEqual(schedules);
      expect(statements.filter((s) => actionsOf(s).includes('iam:PassRole'))).toEqual([
        { Action: 'iam:PassRole', Effect: 'Allow', Resource: getAtt(idOf('AWS::IAM::Role', { Description: SCHEDULER_ROLE })) },
      ]);
    },
  );

  it('gives no other function scheduler settings, schedule permissions or PassRole', () => {
    const allowed = new Set(TIMER_OPERATIONS.map((op) => functionOfOperation(resources, op)[0]));
    for (const [id, r] of Object.entries(template.findResources('AWS::Lambda::Function'))) {
      if (allowed.has(id)) continue;
      const vars = Object.keys(r.Properties.Environment?.Variables ?? {});
      expect(
        vars.filter((v) => v.startsWith('CONTACT_')),
        id,
      ).toEqual([]);
      expect(
        [...actionsOfRole(roleOfFunction(id))].filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole'),
        id,
      ).toEqual([]);
    }
  });
});
