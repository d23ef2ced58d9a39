import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatTemplate, newStack } from './support/stack.js';
import { type Resource, type Resources, allowedActions, functionByDescription, leadingKeys, tableStatements } from './support/template.js';

/** Campaign dialling on AWS: the dispatcher and the watchdog, their Scheduler schedules, grants and alarms. */
describe('campaign dialling (CDK)', () => {
  let template: Template;
  let resources: Resources;
  let dispatcherId: string;
  let dispatcher: Resource;
  let watchdogId: string;

  beforeAll(() => {
    template = flatTemplate(newStack({}, { callWatchdogGraceSeconds: 120 }).stack);
    resources = template.toJSON().Resources;
    [dispatcherId, dispatcher] = functionByDescription(
      resources,
      'Scheduler rate(1 minute) and call ends -> functions/jobs/campaign-dispatcher.ts',
    );
    [watchdogId] = functionByDescription(resources, 'Scheduler rate(1 minute) -> functions/jobs/call-watchdog.ts');
  });

  it('runs the dispatcher and the watchdog every minute on EventBridge Scheduler, with a dead-letter queue', () => {
    for (const fnId of [dispatcherId, watchdogId]) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'rate(1 minute)',
        State: 'ENABLED',
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      });
    }
    // call ends start the dispatcher asynchronously; a lost start is caught by the next scheduled pass
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: dispatcherId },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 60,
    });
    expect(dispatcher.Properties).toMatchObject({
      Handler: 'index.handler',
      Timeout: 60,
      Environment: { Variables: { CALL_WATCHDOG_GRACE_SECONDS: '120' } },
    });
  });

  it('grants least privilege by partition: the dispatcher reads the running and waiting indexes, the watchdog its own', () => {
    const d = tableStatements(resources, dispatcherId);
    expect(leadingKeys(d.TableRead!)!.sort()).toEqual(['CALLREF#*', 'OUTBOX#*', 'RUNNINGCAMPAIGNS#*', 'TEAM#*', 'WAITINGCALLS#*']);
    expect(leadingKeys(d.TableWrite!)!.sort()).toEqual(['CALLREF#*', 'OUTBOX#*', 'TEAM#*']);
    const w = tableStatements(resources, watchdogId);
    expect(leadingKeys(w.TableRead!)!.sort()).toEqual(['CALLREF#*', 'CALLWATCHDOG#*', 'OUTBOX#*', 'TEAM#*']);
    expect(leadingKeys(w.TableWrite!)!.sort()).toEqual(['OUTBOX#*', 'TEAM#*']);
    for (const fnId of [dispatcherId, watchdogId]) expect(allowedActions(resources, fnId)).not.toContain('dynamodb:Scan');
  });

  it('lets the call-events route, the watchdog and nothing else start the dispatcher; gives dialout the grace', () => {
    const [eventsId] = functionByDescription(resources, 'POST /api/teams/{teamId}/calls/{callId}/events');
    const [dialoutId, dialout] = functionByDescription(resources, 'POST /api/teams/{teamId}/bots/{botId}/dialout');
    const invokers = Object.entries(resources)
      .filter(
        ([, r]) =>
          r.Type === 'AWS::Lambda::Function' && JSON.stringify(r.Properties.Environment ?? {}).includes('ASYNC_TARGET_CAMPAIGN_DISPATCHER'),
      )
      .map(([id]) => id)
      .sort();
    expect(invokers).toEqual([eventsId, watchdogId].sort());
    expect(dialout.Properties.Environment.Variables.CALL_WATCHDOG_GRACE_SECONDS).toBe('120');
    expect(dialoutId).toBeDefined();
  });

  it("alarms on the dispatcher's and the watchdog's errors", () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const onBoth = alarms.filter((a) => {
      const text = JSON.stringify(a.Properties);
      return text.includes('Errors') && text.includes(`"${dispatcherId}"`) && text.includes(`"${watchdogId}"`);
    });
    expect(onBoth.length).toBeGreaterThanOrEqual(1);
  });
});
