import { describe, expect, it } from 'vitest';
import {
  afterMessage,
  afterPut,
  afterTimer,
  assertContactsEnabled,
  type ContactRulesBot,
  type ContactState,
  unseenContact,
} from '../../shared/domain/contacts/rules.js';
import { BotStatusPutInput, ContactId, dueTimeOf } from '../../shared/domain/contacts/schema.js';
import { issuesToErrors } from '../../shared/http/validate.js';

/** Contact bot status rules as pure functions of state, bot settings and clock. */
const NOW = new Date('2026-03-01T10:00:00.000Z');
const bot = (o: Partial<ContactRulesBot> = {}): ContactRulesBot => ({
  mode: 'auto_pilot',
  active: true,
  maxMessagesPerContact: null,
  autoReactivateAfter: null,
  sleepOnManualMessage: true,
  sleepOnWorkflowMessage: false,
  ...o,
});
const state = (o: Partial<ContactState> = {}): ContactState => ({ ...unseenContact('c1'), ...o });

describe('contact bot status rules', () => {
  it('treats an unseen contact as active with count 0 and version 0', () => {
    expect(unseenContact('crm-42')).toEqual({
      contactId: 'crm-42',
      status: 'active',
      reason: null,
      reactivateAt: null,
      botMessageCount: 0,
      updatedAt: null,
      version: 0,
    });
  });

  it('answers 409 in mode off only', () => {
    expect(() => assertContactsEnabled({ mode: 'off' })).toThrow(expect.objectContaining({ statusCode: 409 }));
    expect(() => assertContactsEnabled({ mode: 'suggestive' })).not.toThrow();
    expect(() => assertContactsEnabled({ mode: 'auto_pilot' })).not.toThrow();
  });

  it('counts bot messages without an audit event, and turns the contact off at the limit with an auto timer', () => {
    const b = bot({ maxMessagesPerContact: 3, autoReactivateAfter: 'PT2H' });
    const t1 = afterMessage(state({ botMessageCount: 1, version: 4 }), b, 'bot', NOW)!;
    expect(t1.next).toMatchObject({ status: 'active', botMessageCount: 2, version: 5, updatedAt: NOW.toISOString() });
    expect(t1.audit).toBeUndefined();

    const t2 = afterMessage(t1.next, b, 'bot', NOW)!;
    expect(t2.next).toMatchObject({
      status: 'inactive',
      reason: 'message_limit',
      botMessageCount: 3,
      reactivateAt: '2026-03-01T12:00:00.000Z',
      version: 6,
    });
    expect(t2.audit).toEqual({
      action: 'deactivate',
      changes: {
        status: { before: 'active', after: 'inactive' },
        reason: { before: null, after: 'message_limit' },
        reactivateAt: { before: null, after: '2026-03-01T12:00:00.000Z' },
        botMessageCount: { before: 2, after: 3 },
      },
    });
  });

  it('turns off without a timer when the bot has no autoReactivateAfter, and never limits with a null maximum', () => {
    expect(afterMessage(state({ botMessageCount: 0 }), bot({ maxMessagesPerContact: 1 }), 'bot', NOW)!.next).toMatchObject({
      status: 'inactive',
      reactivateAt: null,
    });
    expect(afterMessage(state({ botMessageCount: 9999 }), bot(), 'bot', NOW)!.next).toMatchObject({
      status: 'active',
      botMessageCount: 10000,
    });
  });

  it('refuses a bot message (409) while the bot is paused or the contact inactive', () => {
    expect(() => afterMessage(state(), bot({ active: false }), 'bot', NOW)).toThrow(
      expect.objectContaining({ statusCode: 409, extra: { botActive: false } }),
    );
    expect(() => afterMessage(state({ status: 'inactive', reason: 'manual' }), bot(), 'bot', NOW)).toThrow(
      expect.objectContaining({ statusCode: 409, extra: expect.objectContaining({ reason: 'manual' }) }),
    );
  });

  it('sleeps on manual / workflow messages only when the matching flag is on, and only from active', () => {
    const both = bot({ sleepOnManualMessage: true, sleepOnWorkflowMessage: true, autoReactivateAfter: 'PT30M' });
    expect(afterMessage(state(), both, 'manual', NOW)!.next).toMatchObject({
      status: 'inactive',
      reason: 'manual_message',
      reactivateAt: '2026-03-01T10:30:00.000Z',
    });
    expect(afterMessage(state(), both, 'workflow', NOW)!.next).toMatchObject({ status: 'inactive', reason: 'workflow_message' });
    expect(afterMessage(state(), bot({ sleepOnManualMessage: false }), 'manual', NOW)).toBeUndefined();
    expect(afterMessage(state(), bot({ sleepOnWorkflowMessage: false }), 'workflow', NOW)).toBeUndefined();
    // an agent's pause until tomorrow is neither shortened nor extended by a later manual message
    expect(
      afterMessage(state({ status: 'inactive', reason: 'manual', reactivateAt: '2026-03-02T00:00:00.000Z' }), both, 'manual', NOW),
    ).toBeUndefined();
    // a paused bot still lets humans write
    expect(afterMessage(state(), bot({ active: false }), 'manual', NOW)!.next.status).toBe('inactive');
  });

  it('changes nothing for a contact message', () => {
    expect(afterMessage(state({ botMessageCount: 3 }), bot({ maxMessagesPerContact: 1 }), 'contact', NOW)).toBeUndefined();
  });

  it('PUT active reactivates and resets the count; a no-op PUT writes nothing', () => {
    const t = afterPut(
      state({ status: 'inactive', reason: 'message_limit', botMessageCount: 10, reactivateAt: '2026-03-01T12:00:00.000Z', version: 7 }),
      'active',
      null,
      NOW,
    )!;
    expect(t.next).toMatchObject({ status: 'active', reason: null, reactivateAt: null, botMessageCount: 0, version: 8 });
    expect(t.audit!.action).toBe('activate');
    expect(afterPut(state(), 'active', null, NOW)).toBeUndefined();
    expect(afterPut(state({ botMessageCount: 4 }), 'active', null, NOW)!.next.botMessageCount).toBe(0);
    expect(afterPut(state({ status: 'inactive', reason: 'manual', reactivateAt: null }), 'inactive', null, NOW)).toBeUndefined();
  });

  it('PUT inactive is a manual pause that keeps the count and replaces any timer', () => {
    const t = afterPut(
      state({ status: 'inactive', reason: 'message_limit', botMessageCount: 5, reactivateAt: '2026-03-01T12:00:00.000Z' }),
      'inactive',
      '2026-03-05T00:00:00.000Z',
      NOW,
    )!;
    expect(t.next).toMatchObject({ status: 'inactive', reason: 'manual', botMessageCount: 5, reactivateAt: '2026-03-05T00:00:00.000Z' });
    expect(t.audit).toMatchObject({ action: 'deactivate', changes: { reason: { before: 'message_limit', after: 'manual' } } });
  });

  it('a timer reactivates only the exact pause it was set for', () => {
    const paused = state({
      status: 'inactive',
      reason: 'manual',
      reactivateAt: '2026-03-01T10:00:00.000Z',
      botMessageCount: 3,
      version: 5,
    });
    const t = afterTimer(paused, { version: 5, reactivateAt: '2026-03-01T10:00:00.000Z' }, NOW)!;
    expect(t.next).toMatchObject({ status: 'active', botMessageCount: 0, version: 6 });
    expect(t.audit!.action).toBe('reactivate');
    expect(afterTimer(paused, { version: 4, reactivateAt: '2026-03-01T10:00:00.000Z' }, NOW)).toBeUndefined();
    expect(afterTimer(paused, { version: 5, reactivateAt: '2026-03-01T09:00:00.000Z' }, NOW)).toBeUndefined();
    expect(afterTimer({ ...paused, status: 'active' }, { version: 5, reactivateAt: '2026-03-01T10:00:00.000Z' }, NOW)).toBeUndefined();
  });
});

describe('contact bot status input', () => {
  const errors = (input: unknown) => {
    const r = BotStatusPutInput.safeParse(input);
    return r.success ? [] : issuesToErrors(r.error.issues);
  };

  it('accepts a pause until a time (any offset, stored in UTC) or for a duration', () => {
    const at = new Date(Date.now() + 3_600_000).toISOString().replace('Z', '+00:00');
    expect(errors({ status: 'inactive', reactivateAt: at })).toEqual([]);
    expect(errors({ status: 'inactive', reactivateAfter: 'PT2S' })).toEqual([]);
    expect(dueTimeOf({ reactivateAfter: 'PT2H' }, NOW)).toBe('2026-03-01T12:00:00.000Z');
    expect(dueTimeOf({ reactivateAt: '2026-03-01T12:00:00+02:00' }, NOW)).toBe('2026-03-01T10:00:00.000Z');
    expect(dueTimeOf({}, NOW)).toBeNull();
  });

  it('names the field of every bad timer', () => {
    const past = new Date(Date.now() - 1000).toISOString();
    expect(errors({ status: 'active', reactivateAfter: 'PT2S' })).toEqual([
      { path: 'reactivateAfter', message: expect.stringContaining('only allowed with status "inactive"') },
    ]);
    expect(errors({ status: 'inactive', reactivateAt: past })).toEqual([{ path: 'reactivateAt', message: 'must be in the future' }]);
    expect(errors({ status: 'inactive', reactivateAt: '2999-01-01T00:00:00Z' })).toEqual([
      { path: 'reactivateAt', message: 'must be within one year' },
    ]);
    expect(
      errors({ status: 'inactive', reactivateAt: new Date(Date.now() + 60_000).toISOString(), reactivateAfter: 'PT1H' })[0]!.path,
    ).toBe('reactivateAfter');
    expect(errors({ status: 'inactive', reactivateAfter: 'P1M' })[0]!.path).toBe('reactivateAfter');
    expect(errors({ status: 'paused' })[0]!.path).toBe('status');
    expect(errors({ status: 'inactive', botMessageCount: 0 })).toEqual([
      { path: 'botMessageCount', message: 'unknown or read-only field' },
    ]);
  });

  it('accepts CRM ids, e-mails and E.164 numbers as contact ids, never key or path separators', () => {
    for (const ok of ['crm-42', 'jane.doe@example.com', '+14155550123', 'hubspot:123_abc', 'a'.repeat(128)])
      expect(ContactId.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', 'a#b', 'a/b', ' x', '-x', 'a'.repeat(129), 'é']) expect(ContactId.safeParse(bad).success, bad).toBe(false);
  });
});
