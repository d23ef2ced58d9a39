import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as reactivateContact } from '../../functions/reactivate-contact.js';
import { listAuditEvents } from '../../shared/audit/queries.js';
import { doc, tableName } from '../../shared/db/client.js';
import { botDataPartition, botKey, contactKey, LOCAL_DEAD_TIMERS_PARTITION, localTimerKey } from '../../shared/db/keys.js';
import { createBot } from '../../shared/domain/bots/bots.js';
import type { BotCreate } from '../../shared/domain/bots/schema.js';
import {
  getContactStatus,
  listContactStatuses,
  postContactMessage,
  reactivateFromTimer,
  setContactStatus,
} from '../../shared/domain/contacts/contacts.js';
import { fireDueLocalTimers, LOCAL_MAX_ATTEMPTS } from '../../infra/local/adapters/contact-timers.js';
import { contactTimerName, type ReactivationPayload } from '../../shared/ports/scheduler.js';
import { newTeam } from '../support/factory.js';

/** Contact bot status against the real DynamoDB Local, with the local timer adapter (LOCAL_MODE=true). */

async function setup(config: Partial<BotCreate> = {}) {
  const t = await newTeam();
  const bot = await createBot(t.teamId, { name: 'Support', ...config }, t.actor);
  return { ...t, botId: bot.id };
}
const timerItem = async (teamId: string, botId: string, contactId: string) =>
  (
    await doc.send(
      new GetCommand({ TableName: tableName(), Key: localTimerKey(contactTimerName(teamId, botId, contactId)), ConsistentRead: true }),
    )
  ).Item;
const setBot = (teamId: string, botId: string, expr: string, values: Record<string, unknown>) =>
  doc.send(
    new UpdateCommand({ TableName: tableName(), Key: botKey(teamId, botId), UpdateExpression: expr, ExpressionAttributeValues: values }),
  );
const contactEvents = async (teamId: string, botId: string) =>
  (await listAuditEvents(teamId, { botId, module: 'contacts' }, 100, undefined)).items.reverse();
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('contact bot status (DynamoDB Local)', () => {
  it("shows an unseen contact as active with count 0, 404s another team's bot, 409s every route in mode off", async () => {
    const t = await setup();
    expect(await getContactStatus(t.teamId, t.botId, 'crm-1')).toMatchObject({
      contactId: 'crm-1',
      status: 'active',
      reason: null,
      reactivateAt: null,
      botMessageCount: 0,
      updatedAt: null,
      version: 0,
    });

    const other = await newTeam();
    await expect(getContactStatus(other.teamId, t.botId, 'crm-1')).rejects.toMatchObject({ statusCode: 404 });
    await expect(postContactMessage(other.teamId, t.botId, 'crm-1', { sender: 'bot' }, other.actor)).rejects.toMatchObject({
      statusCode: 404,
    });

    const off = await setup({ mode: 'off' });
    for (const call of [
      () => getContactStatus(off.teamId, off.botId, 'c'),
      () => setContactStatus(off.teamId, off.botId, 'c', { status: 'inactive' }, off.actor),
      () => postContactMessage(off.teamId, off.botId, 'c', { sender: 'contact' }, off.actor),
      () => listContactStatuses(off.teamId, off.botId, undefined, 25),
    ]) {
      await expect(call()).rejects.toMatchObject({ statusCode: 409, extra: { mode: 'off' } });
    }
  });

  it('pauses with a timer, replaces it on a new pause, deletes it on reactivation, and audits each change', async () => {
    const t = await setup();
    await postContactMessage(t.teamId, t.botId, 'c1', { sender: 'bot', text: 'hi' }, t.actor);
    const paused = await setContactStatus(t.teamId, t.botId, 'c1', { status: 'inactive', reactivateAfter: 'PT2H' }, t.actor);
    expect(paused).toMatchObject({ status: 'inactive', reason: 'manual', botMessageCount: 1, version: 2 });
    const first = await timerItem(t.teamId, t.botId, 'c1');
    expect(first).toMatchObject({
      dueAt: paused.reactivateAt,
      payload: { teamId: t.teamId, botId: t.botId, contactId: 'c1', generation: 0, version: 2, reactivateAt: paused.reactivateAt },
    });

    const later = inMs(5 * 3_600_000);
    const repaused = await setContactStatus(t.teamId, t.botId, 'c1', { status: 'inactive', reactivateAt: later }, t.actor);
    expect(await timerItem(t.teamId, t.botId, 'c1')).toMatchObject({
      dueAt: later,
      payload: { version: repaused.version, reactivateAt: later },
    });

    // If-Match with the old version: 412, and the timer still matches what is committed
    await expect(setContactStatus(t.teamId, t.botId, 'c1', { status: 'active' }, t.actor, paused.version)).rejects.toMatchObject({
      statusCode: 412,
    });
    expect((await timerItem(t.teamId, t.botId, 'c1'))!.payload.version).toBe(repaused.version);

    const active = await setContactStatus(t.teamId, t.botId, 'c1', { status: 'active' }, t.actor, repaused.version);
    expect(active).toMatchObject({ status: 'active', reason: null, reactivateAt: null, botMessageCount: 0 });
    expect(await timerItem(t.teamId, t.botId, 'c1')).toBeUndefined();
    // already active with count 0: nothing written, nothing audited
    expect((await setContactStatus(t.teamId, t.botId, 'c1', { status: 'active' }, t.actor)).version).toBe(active.version);

    const events = await contactEvents(t.teamId, t.botId);
    expect(events.map((e) => [e.action, e.actorEmail, e.targetId])).toEqual([
      ['deactivate', t.email, 'c1'],
      ['deactivate', t.email, 'c1'],
      ['activate', t.email, 'c1'],
    ]);
    expect(events[2]!.changes).toEqual({
      status: { before: 'inactive', after: 'active' },
      reason: { before: 'manual', after: null },
      reactivateAt: { before: later, after: null },
      botMessageCount: { before: 1, after: 0 },
    });
  });

  it('reactivates from a timer only when version, due time and data generation still match', async () => {
    const t = await setup();
    const due = inMs(300);
    const paused = await setContactStatus(t.teamId, t.botId, 'c2', { status: 'inactive', reactivateAt: due }, t.actor);
    const payload: ReactivationPayload = {
      teamId: t.teamId,
      botId: t.botId,
      contactId: 'c2',
      generation: 0,
      version: paused.version,
      reactivateAt: due,
      reason: 'manual',
      botMessageCount: 0,
    };

    expect(await reactivateFromTimer({ ...payload, version: paused.version - 1 })).toBe('stale');
    expect(await reactivateFromTimer({ ...payload, reactivateAt: new Date(Date.parse(due) - 1000).toISOString() })).toBe('stale');
    expect(await reactivateFromTimer({ ...payload, reason: 'message_limit' })).toBe('stale');
    expect(await reactivateFromTimer({ ...payload, botId: '01NOSUCHBOT0000000000000000' })).toBe('stale');
    expect((await getContactStatus(t.teamId, t.botId, 'c2')).status).toBe('inactive');

    // delivered early (Scheduler's one-minute precision): waits for the due time, never reactivates before it
    expect(await reactivateContact(payload)).toEqual({ outcome: 'reactivated' });
    const after = await getContactStatus(t.teamId, t.botId, 'c2');
    expect(after).toMatchObject({ status: 'active', botMessageCount: 0, version: paused.version + 1 });
    expect(Date.parse(after.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(due));
    // fired twice (at-least-once delivery): the second is stale
    expect(await reactivateContact(payload)).toEqual({ outcome: 'stale' });

    const events = await contactEvents(t.teamId, t.botId);
    expect(events.map((e) => [e.action, e.actorEmail, e.actorRole])).toEqual([
      ['deactivate', t.email, 'super_admin'],
      ['reactivate', 'system:scheduler', 'system'],
    ]);
    expect(events[1]!.changes).toEqual({
      status: { before: 'inactive', after: 'active' },
      reason: { before: 'manual', after: null },
      reactivateAt: { before: due, after: null },
    });

    // a reset (new data generation) makes every older timer stale
    const again = await setContactStatus(t.teamId, t.botId, 'c3', { status: 'inactive', reactivateAt: inMs(100) }, t.actor);
    await setBot(t.teamId, t.botId, 'SET dataGeneration = :g', { ':g': 1 });
    await sleep(150);
    expect(await reactivateFromTimer({ ...payload, contactId: 'c3', version: again.version, reactivateAt: again.reactivateAt! })).toBe(
      'stale',
    );
    expect((await doc.send(new GetCommand({ TableName: tableName(), Key: contactKey(t.teamId, t.botId, 0, 'c3') }))).Item).toMatchObject({
      status: 'inactive',
      version: again.version,
    });
    await expect(reactivateContact({ teamId: t.teamId })).rejects.toThrow(/malformed/);
  });

  it('keeps every count under 20 concurrent bot messages against a limit of 10: exactly one message_limit turn-off', async () => {
    const t = await setup({ maxMessagesPerContact: 10, autoReactivateAfter: 'PT1H' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => postContactMessage(t.teamId, t.botId, 'busy', { sender: 'bot', text: `m${i}` }, t.actor)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(refused.map((r) => r.reason.statusCode)).toEqual(Array(10).fill(409));

    const final = await getContactStatus(t.teamId, t.botId, 'busy');
    expect(final).toMatchObject({ status: 'inactive', reason: 'message_limit', botMessageCount: 10, version: 10 });
    const events = await contactEvents(t.teamId, t.botId);
    expect(events.map((e) => e.action)).toEqual(['deactivate']);
    // losers of the race never leave their own timer behind: the timer is the committed pause's
    expect((await timerItem(t.teamId, t.botId, 'busy'))!.payload).toMatchObject({
      version: final.version,
      reactivateAt: final.reactivateAt,
    });
    // ten messages recorded, no more
    const messages = await doc.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': botDataPartition(t.teamId, t.botId, 0), ':sk': 'MESSAGE#busy#' },
      }),
    );
    expect(messages.Items).toHaveLength(10);
  });

  it('refuses bot messages of a paused bot but lets humans write; sleeps on manual/workflow per flag', async () => {
    const t = await setup({ sleepOnManualMessage: true, sleepOnWorkflowMessage: false, autoReactivateAfter: 'PT30M' });
    await postContactMessage(t.teamId, t.botId, 'h1', { sender: 'workflow' }, t.actor);
    expect((await getContactStatus(t.teamId, t.botId, 'h1')).status).toBe('active');
    const r = await postContactMessage(t.teamId, t.botId, 'h1', { sender: 'manual', text: 'Agent here' }, t.actor);
    expect(r.state).toMatchObject({ status: 'inactive', reason: 'manual_message' });
    expect(r.messageId).toMatch(/^[0-9A-Z]{26}$/);
    expect((await timerItem(t.teamId, t.botId, 'h1'))!.dueAt).toBe(r.state.reactivateAt);
    await expect(postContactMessage(t.teamId, t.botId, 'h1', { sender: 'bot' }, t.actor)).rejects.toMatchObject({
      statusCode: 409,
      extra: { reason: 'manual_message' },
    });

    await setBot(t.teamId, t.botId, 'SET active = :f', { ':f': false });
    await expect(postContactMessage(t.teamId, t.botId, 'h2', { sender: 'bot' }, t.actor)).rejects.toMatchObject({
      statusCode: 409,
      extra: { botActive: false },
    });
    expect((await postContactMessage(t.teamId, t.botId, 'h2', { sender: 'contact', text: 'hello?' }, t.actor)).state.status).toBe('active');
  });

  it('lists contacts by status with paging, and a reset hides them all', async () => {
    const t = await setup();
    for (const id of ['a', 'b', 'c']) await setContactStatus(t.teamId, t.botId, id, { status: 'inactive' }, t.actor);
    await postContactMessage(t.teamId, t.botId, 'd', { sender: 'bot' }, t.actor);

    const p1 = await listContactStatuses(t.teamId, t.botId, 'inactive', 2);
    expect(p1.items.map((i) => i.contactId)).toEqual(['c', 'b']);
    const p2 = await listContactStatuses(t.teamId, t.botId, 'inactive', 2, p1.nextCursor!);
    expect(p2.items.map((i) => i.contactId)).toEqual(['a']);
    expect((await listContactStatuses(t.teamId, t.botId, 'active', 25)).items).toEqual([
      expect.objectContaining({ contactId: 'd', botMessageCount: 1 }),
    ]);
    expect((await listContactStatuses(t.teamId, t.botId, undefined, 25)).items.map((i) => i.contactId)).toEqual(['a', 'b', 'c', 'd']);
    // a cursor of the inactive list is refused for the active list
    await expect(listContactStatuses(t.teamId, t.botId, 'active', 2, p1.nextCursor!)).rejects.toMatchObject({ statusCode: 400 });

    await setBot(t.teamId, t.botId, 'SET dataGeneration = :g', { ':g': 1 });
    expect((await listContactStatuses(t.teamId, t.botId, 'inactive', 25)).items).toEqual([]);
    expect((await getContactStatus(t.teamId, t.botId, 'a')).status).toBe('active');
  });
});

describe('local timers (the table-backed scheduler)', () => {
  it('fires a due timer through the reactivate-contact handler, never before it is due', async () => {
    const t = await setup();
    const due = inMs(600);
    await setContactStatus(t.teamId, t.botId, 'p1', { status: 'inactive', reactivateAt: due }, t.actor);
    const fire = (p: ReactivationPayload) => reactivateContact(p);

    await fireDueLocalTimers(fire);
    expect((await getContactStatus(t.teamId, t.botId, 'p1')).status).toBe('inactive');
    expect(await timerItem(t.teamId, t.botId, 'p1')).toBeDefined();

    await sleep(Date.parse(due) - Date.now() + 20);
    expect(await fireDueLocalTimers(fire)).toBeGreaterThanOrEqual(1);
    const after = await getContactStatus(t.teamId, t.botId, 'p1');
    expect(after.status).toBe('active');
    expect(Date.parse(after.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(due));
    expect(await timerItem(t.teamId, t.botId, 'p1')).toBeUndefined();
  });

  it('keeps a timer replaced by a new pause while the old one was firing', async () => {
    const t = await setup();
    await setContactStatus(t.teamId, t.botId, 'r1', { status: 'inactive', reactivateAt: inMs(50) }, t.actor);
    await sleep(80);
    let repaused: Awaited<ReturnType<typeof setContactStatus>> | undefined;
    await fireDueLocalTimers(async (p) => {
      const outcome = await reactivateContact(p);
      if (p.teamId === t.teamId)
        repaused = await setContactStatus(t.teamId, t.botId, 'r1', { status: 'inactive', reactivateAt: inMs(3_600_000) }, t.actor);
      return outcome;
    });
    expect(repaused!.status).toBe('inactive');
    expect(await timerItem(t.teamId, t.botId, 'r1')).toMatchObject({
      dueAt: repaused!.reactivateAt,
      payload: { version: repaused!.version },
    });
  });

  it('retries a failing target with backoff, then dead-letters the timer', async () => {
    const t = await setup();
    await setContactStatus(t.teamId, t.botId, 'f1', { status: 'inactive', reactivateAt: inMs(50) }, t.actor);
    await sleep(80);
    const name = contactTimerName(t.teamId, t.botId, 'f1');
    const failing = async (p: ReactivationPayload) => {
      if (p.contactId === 'f1' && p.teamId === t.teamId) throw new Error('target down');
      return reactivateContact(p);
    };
    await fireDueLocalTimers(failing);
    const retried = await timerItem(t.teamId, t.botId, 'f1');
    expect(retried).toMatchObject({ attempts: 1, lastError: 'target down', GSI1PK: 'LOCALTIMERS' });
    expect(Date.parse(retried!.dueAt)).toBeGreaterThan(Date.now());

    // skip the backoff waits: each remaining attempt is made due at once
    for (let attempt = 2; attempt <= LOCAL_MAX_ATTEMPTS; attempt++) {
      await doc.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: localTimerKey(name),
          UpdateExpression: 'SET GSI1SK = :sk',
          ExpressionAttributeValues: { ':sk': `2000-01-01T00:00:00.000Z#${name}` },
        }),
      );
      await fireDueLocalTimers(failing);
    }
    expect(await timerItem(t.teamId, t.botId, 'f1')).toMatchObject({ attempts: LOCAL_MAX_ATTEMPTS, GSI1PK: LOCAL_DEAD_TIMERS_PARTITION });
    expect((await getContactStatus(t.teamId, t.botId, 'f1')).status).toBe('inactive');
  });
});
