import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { atExpression, contactTimerName, EventBridgeContactTimers, type ReactivationTimer } from '../../shared/ports/scheduler.js';

/** The AWS adapter of the contact timer port against a mocked EventBridge Scheduler (no local emulator exists). */
const scheduler = mockClient(SchedulerClient);
const config = {
  group: 'botops-contact-reactivation',
  targetArn: 'arn:aws:lambda:eu-west-1:123456789012:function:Botops-ReactivateContact',
  roleArn: 'arn:aws:iam::123456789012:role/Botops-SchedulerRole',
  dlqArn: 'arn:aws:sqs:eu-west-1:123456789012:Botops-ContactTimersDlq',
};
const adapter = () => new EventBridgeContactTimers(new SchedulerClient({ region: 'eu-west-1' }), config);
const payload = {
  teamId: '01TEAM',
  botId: '01BOT',
  contactId: 'crm-42',
  generation: 2,
  version: 7,
  reactivateAt: '2026-03-01T10:00:02.345Z',
  reason: 'message_limit',
  botMessageCount: 10,
};
const timer: ReactivationTimer = { name: contactTimerName('01TEAM', '01BOT', 'crm-42'), dueAt: payload.reactivateAt, payload };

const EXPECTED_INPUT = {
  Name: timer.name,
  GroupName: 'botops-contact-reactivation',
  ScheduleExpression: 'at(2026-03-01T10:00:03)',
  ScheduleExpressionTimezone: 'UTC',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  State: 'ENABLED',
  Description: 'Reactivate the bot for one contact of bot 01BOT',
  Target: {
    Arn: config.targetArn,
    RoleArn: config.roleArn,
    Input: JSON.stringify(payload),
    RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 20 },
    DeadLetterConfig: { Arn: config.dlqArn },
  },
};

beforeEach(() => scheduler.reset());

describe('EventBridge Scheduler adapter', () => {
  it('creates a one-time at() schedule in the group, OFF window, DELETE after completion, retry policy, DLQ, payload with the version', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:::schedule/x' });
    await adapter().put(timer);
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(1);
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input).toEqual(EXPECTED_INPUT);
    expect(JSON.parse(EXPECTED_INPUT.Target.Input)).toMatchObject({ version: 7, generation: 2 });
    expect(scheduler.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it('replaces the schedule of a previous pause on ConflictException with the same full definition', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'x' });
    await adapter().put(timer);
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]!.args[0].input).toEqual(EXPECTED_INPUT);
  });

  it('creates again when the conflicting schedule fired and deleted itself before the update', async () => {
    scheduler
      .on(CreateScheduleCommand)
      .rejectsOnce(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }))
      .resolves({ ScheduleArn: 'x' });
    scheduler.on(UpdateScheduleCommand).rejects(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }));
    await adapter().put(timer);
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(2);
  });

  it('propagates other errors, so the status change is not committed without its timer', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ValidationException({ message: 'bad', Message: 'bad', $metadata: {} }));
    await expect(adapter().put(timer)).rejects.toBeInstanceOf(ValidationException);
  });

  it('deletes by name in the group; ResourceNotFound (already fired) is fine, other errors are not', async () => {
    scheduler
      .on(DeleteScheduleCommand)
      .resolvesOnce({})
      .rejectsOnce(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }))
      .rejects(new Error('throttled'));
    await adapter().remove(timer.name);
    await adapter().remove(timer.name);
    await expect(adapter().remove(timer.name)).rejects.toThrow('throttled');
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toEqual({
      Name: timer.name,
      GroupName: 'botops-contact-reactivation',
    });
  });

  it('refuses to start without its configuration in the environment', () => {
    expect(() => new EventBridgeContactTimers(new SchedulerClient({ region: 'eu-west-1' }))).toThrow(/CONTACT_SCHEDULE_GROUP/);
  });
});

describe('timer names and expressions', () => {
  it('names a contact deterministically within Scheduler limits, whatever the contact id', () => {
    const a = contactTimerName('01TEAM', '01BOT', 'jane.doe+vip@example.com');
    expect(a).toBe(contactTimerName('01TEAM', '01BOT', 'jane.doe+vip@example.com'));
    expect(a).toMatch(/^[0-9a-zA-Z_.-]{1,64}$/);
    expect(contactTimerName('01TEAM', '01BOT', 'x'.repeat(128))).toHaveLength(63);
    expect(contactTimerName('01TEAM', '01BOT', 'crm-1')).not.toBe(contactTimerName('01TEAM', '01BOT', 'crm-2'));
    expect(contactTimerName('01TEAM', '01BOT2', 'crm-1')).not.toBe(contactTimerName('01TEAM', '01BOT', 'crm-1'));
  });

  it('rounds at() up to the whole second so a timer is never early', () => {
    expect(atExpression('2026-03-01T10:00:02.000Z')).toBe('at(2026-03-01T10:00:02)');
    expect(atExpression('2026-03-01T10:00:02.001Z')).toBe('at(2026-03-01T10:00:03)');
    expect(atExpression('2026-12-31T23:59:59.500Z')).toBe('at(2027-01-01T00:00:00)');
    expect(() => atExpression('tomorrow')).toThrow();
  });
});
