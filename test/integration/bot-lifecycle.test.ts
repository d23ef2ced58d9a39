import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler as purgeHandler } from '../../functions/jobs/bot-data-purge.js';
import { listAuditEvents } from '../../shared/audit/queries.js';
import { doc, tableName } from '../../shared/db/client.js';
import { botDataPartition, botKey, callRefKey, campaignKey, phoneNumberKey } from '../../shared/db/keys.js';
import { createBot, getStoredBot, updateBot } from '../../shared/domain/bots/bots.js';
import { toBot } from '../../shared/domain/bots/model.js';
import { cloneBot, setBotActive } from '../../shared/domain/bots/lifecycle.js';
import { getPostCallCache, refreshPostCallCache, setPostCallCacheEnabled } from '../../shared/domain/bots/post-call-cache.js';
import { BOT_DATA_PURGE_TARGET } from '../../shared/domain/bots/purge.js';
import { deleteBotAndData, resetBot } from '../../shared/domain/bots/reset.js';
import { STEP_OF_FIELD } from '../../shared/domain/bots/schema.js';
import { createCampaign, deleteCampaign, getStoredCampaign } from '../../shared/domain/campaigns/campaigns.js';
import { startCampaign, stopCampaign } from '../../shared/domain/campaigns/status.js';
import { createPhoneNumber, deletePhoneNumber, listPhoneNumbers } from '../../shared/domain/phone-numbers/phone-numbers.js';
import { drainLocalJobs, registerLocalTarget } from '../../infra/local/adapters/async-invoke.js';
import { countPartition, writeContactItems } from '../support/bot-data.js';
import { newTeam } from '../support/factory.js';

const T = () => tableName();
const events = async (teamId: string, botId: string) => (await listAuditEvents(teamId, { botId }, 100, undefined)).items;

/** The purge job as `npm start` registers it, optionally held back until `release()` so a test can look in between. */
function purgeRunner() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held = false;
  registerLocalTarget(BOT_DATA_PURGE_TARGET, async (payload) => {
    if (held) await gate;
    return purgeHandler(payload);
  });
  return {
    hold: () => {
      held = true;
    },
    release: () => release(),
  };
}

/**
 * Runs `inject` once, just before the first TransactWriteItems the code under test sends: whatever `inject` writes
 * lands between that code's read and its write, which only the write's condition can catch.
 */
function beforeNextTransaction(inject: () => Promise<unknown>) {
  const name = `inject-${Math.random()}`;
  let fired = false;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (!fired && context.commandName === 'TransactWriteItemsCommand') {
        fired = true;
        doc.middlewareStack.remove(name);
        await inject();
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => fired;
}

beforeEach(() => {
  purgeRunner();
});

describe('pause and resume', () => {
  it('flips active, bumps the ETag version and audits each action with before/after', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Pausable' }, t.actor);
    const paused = await setBotActive(t.teamId, bot.id, false, t.actor);
    expect(paused).toMatchObject({ active: false, version: 2 });
    expect((await getStoredBot(t.teamId, bot.id)).active).toBe(false);
    const resumed = await setBotActive(t.teamId, bot.id, true, t.actor);
    expect(resumed).toMatchObject({ active: true, version: 3 });
    const [resume, pause] = await events(t.teamId, bot.id);
    expect(pause).toMatchObject({ module: 'bots', action: 'pause', changes: { active: { before: true, after: false } } });
    expect(resume).toMatchObject({ module: 'bots', action: 'resume', changes: { active: { before: false, after: true } } });
  });

  it.each([2, 4])('leaves a consistent bot and one audit event per request when %i pause/resume requests race', async (n) => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Raced' }, t.actor);
    await Promise.all(Array.from({ length: n }, (_, i) => setBotActive(t.teamId, bot.id, i % 2 === 1, t.actor)));
    const final = await getStoredBot(t.teamId, bot.id);
    const toggles = (await events(t.teamId, bot.id)).filter((e) => e.action === 'pause' || e.action === 'resume').reverse();
    expect(toggles).toHaveLength(n);
    expect(toggles.filter((e) => e.action === 'pause')).toHaveLength(n / 2);
    expect(final.version).toBe(1 + n);
    // the events chain: each one's "before" is the previous one's "after", and the last one is the bot's state
    let state = true;
    for (const e of toggles) {
      expect(e.changes.active!.before).toBe(state);
      state = e.changes.active!.after as boolean;
    }
    expect(final.active).toBe(state);
  });

  it('answers 404 for a missing bot', async () => {
    const t = await newTeam();
    await expect(setBotActive(t.teamId, '01ARZ3NDEKTSV4RRFFQ69G5FAV', false, t.actor)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('reset', () => {
  it('hides the data from every read at once, keeps the configuration, then purges the old generation', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Relaunch', customPrompt: 'Be brief.', analysisPrompt: 'Summarise.' }, t.actor);
    await createPhoneNumber(t.teamId, { number: '+14155550100', botId: bot.id }, t.actor);
    const campaign = await createCampaign(t.teamId, { name: 'Autumn', botId: bot.id }, t.actor);
    await writeContactItems(doc, T(), { teamId: t.teamId, botId: bot.id, generation: 0 }, 300);
    const before = await getStoredBot(t.teamId, bot.id);

    const purge = purgeRunner();
    purge.hold();
    await resetBot(t.teamId, bot.id, t.actor);
    const after = await getStoredBot(t.teamId, bot.id);
    expect(after.dataGeneration).toBe(1);
    // a reader of contacts now queries generation 1: empty, while generation 0 still awaits the purge
    expect(await countPartition(doc, T(), { teamId: t.teamId, botId: bot.id, generation: after.dataGeneration })).toBe(0);
    expect(await countPartition(doc, T(), { teamId: t.teamId, botId: bot.id, generation: 0 })).toBe(300);
    const { updatedAt: _u1, ...configBefore } = toBot(before);
    const { updatedAt: _u2, ...configAfter } = toBot(after);
    expect(configAfter).toEqual(configBefore);
    expect((await listPhoneNumbers(t.teamId, 10)).items).toEqual([expect.objectContaining({ number: '+14155550100', botId: bot.id })]);
    expect((await getStoredCampaign(t.teamId, campaign.id)).botId).toBe(bot.id);
    expect((await events(t.teamId, bot.id))[0]).toMatchObject({
      module: 'bots',
      action: 'reset',
      actorEmail: t.email,
      changes: { data: { before: 'kept', after: 'reset' } },
    });

    purge.release();
    await drainLocalJobs();
    expect(await countPartition(doc, T(), { teamId: t.teamId, botId: bot.id, generation: 0 })).toBe(0);
  });

  it('refuses a bot locked by a running campaign with 409 naming it, changing nothing', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Busy' }, t.actor);
    const c = await createCampaign(t.teamId, { name: 'Black Friday', botId: bot.id }, t.actor);
    await startCampaign(t.teamId, c.id, t.actor);
    const reset = resetBot(t.teamId, bot.id, t.actor);
    await expect(reset).rejects.toMatchObject({ statusCode: 409, extra: { campaigns: [{ id: c.id, name: 'Black Friday' }] } });
    await expect(reset).rejects.toThrow(/Black Friday/);
    expect((await getStoredBot(t.teamId, bot.id)).dataGeneration).toBe(0);
    expect((await events(t.teamId, bot.id)).map((e) => e.action)).not.toContain('reset');
    await expect(resetBot(t.teamId, '01ARZ3NDEKTSV4RRFFQ69G5FAV', t.actor)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('purges every generation below the current one, also those a lost purge left behind', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Twice' }, t.actor);
    const at = (generation: number) => ({ teamId: t.teamId, botId: bot.id, generation });
    await writeContactItems(doc, T(), at(0), 40);
    registerLocalTarget(BOT_DATA_PURGE_TARGET, async () => undefined); // the first purge is lost
    await resetBot(t.teamId, bot.id, t.actor);
    await writeContactItems(doc, T(), at(1), 30);
    purgeRunner();
    await resetBot(t.teamId, bot.id, t.actor);
    await drainLocalJobs();
    expect([await countPartition(doc, T(), at(0)), await countPartition(doc, T(), at(1)), await countPartition(doc, T(), at(2))]).toEqual([
      0, 0, 0,
    ]);
  });

  it("removes a call's lookup pointer with the call itself", async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Caller' }, t.actor);
    const callId = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
    await doc.send(
      new PutCommand({ TableName: T(), Item: { PK: botDataPartition(t.teamId, bot.id, 0), SK: `CALL#${callId}`, entity: 'call' } }),
    );
    await doc.send(
      new PutCommand({ TableName: T(), Item: { ...callRefKey(t.teamId, callId), entity: 'callRef', botId: bot.id, dataGeneration: 0 } }),
    );
    purgeRunner();
    await resetBot(t.teamId, bot.id, t.actor);
    await drainLocalJobs();
    expect((await doc.send(new GetCommand({ TableName: T(), Key: callRefKey(t.teamId, callId) }))).Item).toBeUndefined();
    expect(
      (await doc.send(new GetCommand({ TableName: T(), Key: { PK: botDataPartition(t.teamId, bot.id, 0), SK: `CALL#${callId}` } }))).Item,
    ).toBeUndefined();
  });
});

describe('clone', () => {
  it('copies the configuration and nothing else', async () => {
    const t = await newTeam();
    const source = await createBot(
      t.teamId,
      {
        name: 'Outbound sales',
        timezone: 'Europe/Paris',
        customPrompt: 'Sell {{crm.product}}.',
        voicePipeline: { voice: 'cartesia' },
        vad: { threshold: 0.7 },
        transferTargets: [{ name: 'Desk', number: '+14155550123' }],
        qcPrompt: 'Grade the call.',
        allowedDomains: ['shop.example.com'],
      },
      t.actor,
    );
    await createPhoneNumber(t.teamId, { number: '+14155550101', botId: source.id }, t.actor);
    const c = await createCampaign(t.teamId, { name: 'Q3', botId: source.id }, t.actor);
    await startCampaign(t.teamId, c.id, t.actor);
    await refreshPostCallCache(t.teamId, source.id, t.actor);
    await setBotActive(t.teamId, source.id, false, t.actor);
    const src = await getStoredBot(t.teamId, source.id);

    const clone = await cloneBot(t.teamId, source.id, t.actor);
    const stored = await getStoredBot(t.teamId, clone.id);
    expect(stored.id).not.toBe(source.id);
    expect(stored.name).toBe('Outbound sales (copy)');
    for (const field of Object.keys(STEP_OF_FIELD).filter((f) => f !== 'name')) {
      expect((stored as Record<string, unknown>)[field], field).toEqual((src as Record<string, unknown>)[field]);
    }
    expect(stored).toMatchObject({
      active: true,
      lockedByCampaigns: [],
      dataGeneration: 0,
      version: 1,
      status: 'pending',
      questionCount: 0,
    });
    expect(stored.postCallCache).toEqual({ enabled: false, version: 1, refreshedBy: null, refreshedAt: null });
    expect(stored.phoneNumbers).toBeUndefined();
    expect(stored.campaignIds).toBeUndefined();
    expect(stored.createdAt > src.createdAt).toBe(true);
    expect(stored.indexId).not.toBe(src.indexId);
    // the clone is not locked by the source's running campaign: it can be edited and deleted
    await updateBot(t.teamId, clone.id, { description: 'mine' }, t.actor);
    const [event] = await events(t.teamId, clone.id);
    expect(event).toMatchObject({ action: 'update' });
    expect((await events(t.teamId, clone.id))[1]).toMatchObject({
      module: 'bots',
      action: 'clone',
      changes: { clonedFrom: { before: null, after: source.id } },
    });
  });

  it('keeps "<name> (copy)" within the 100-character name limit, and 404s a missing source', async () => {
    const t = await newTeam();
    const long = await createBot(t.teamId, { name: 'x'.repeat(100) }, t.actor);
    const clone = await cloneBot(t.teamId, long.id, t.actor);
    expect(clone.name).toHaveLength(100);
    expect(clone.name.endsWith('x (copy)')).toBe(true);
    await expect(cloneBot(t.teamId, '01ARZ3NDEKTSV4RRFFQ69G5FAV', t.actor)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('campaign locks', () => {
  it('locks the bot while a campaign runs: PUT, DELETE and reset answer 409 naming it; stop releases it', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Dialer' }, t.actor);
    const a = await createCampaign(t.teamId, { name: 'Spring', botId: bot.id }, t.actor);
    const b = await createCampaign(t.teamId, { name: 'Summer', botId: bot.id }, t.actor);
    expect(a).toMatchObject({ status: 'stopped', botId: bot.id, name: 'Spring' });
    expect(await startCampaign(t.teamId, a.id, t.actor)).toMatchObject({ status: 'running', startedAt: expect.any(String) });
    await startCampaign(t.teamId, b.id, t.actor);
    expect((await getStoredBot(t.teamId, bot.id)).lockedByCampaigns).toEqual([
      { id: a.id, name: 'Spring' },
      { id: b.id, name: 'Summer' },
    ]);
    for (const change of [
      () => updateBot(t.teamId, bot.id, { name: 'x' }, t.actor),
      () => deleteBotAndData(t.teamId, bot.id, t.actor),
      () => resetBot(t.teamId, bot.id, t.actor),
    ]) {
      const attempt = change();
      await expect(attempt).rejects.toMatchObject({ statusCode: 409 });
      await expect(attempt).rejects.toThrow(/"Spring", "Summer"/);
    }
    await expect(startCampaign(t.teamId, a.id, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    await expect(deleteCampaign(t.teamId, a.id, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    // pausing stays possible: it is how a misbehaving bot is stopped during a campaign
    await setBotActive(t.teamId, bot.id, false, t.actor);

    await stopCampaign(t.teamId, a.id, t.actor);
    expect((await getStoredBot(t.teamId, bot.id)).lockedByCampaigns).toEqual([{ id: b.id, name: 'Summer' }]);
    await expect(stopCampaign(t.teamId, a.id, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    await stopCampaign(t.teamId, b.id, t.actor);
    expect((await updateBot(t.teamId, bot.id, { name: 'Edited' }, t.actor)).name).toBe('Edited');

    const log = (await listAuditEvents(t.teamId, { module: 'campaigns' }, 100, undefined)).items.map(
      (e) => `${e.action}:${e.targetId === a.id ? 'a' : 'b'}`,
    );
    expect(log.reverse()).toEqual(['create:a', 'create:b', 'start:a', 'start:b', 'stop:a', 'stop:b']);
  });

  it('blocks a PUT when the campaign starts between its read and its write (the lock is in the write condition)', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Racy' }, t.actor);
    const c = await createCampaign(t.teamId, { name: 'Flash sale', botId: bot.id }, t.actor);
    const injected = beforeNextTransaction(() => startCampaign(t.teamId, c.id, t.actor));
    const edit = updateBot(t.teamId, bot.id, { description: 'late edit' }, t.actor);
    await expect(edit).rejects.toMatchObject({ statusCode: 409, extra: { campaigns: [{ id: c.id, name: 'Flash sale' }] } });
    expect(injected()).toBe(true);
    expect((await getStoredBot(t.teamId, bot.id)).description).toBe('');
  });

  it('refuses to start a campaign of a paused bot, and to create one for an unknown bot (404 naming botId)', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Sleepy' }, t.actor);
    const c = await createCampaign(t.teamId, { name: 'Winter', botId: bot.id }, t.actor);
    await setBotActive(t.teamId, bot.id, false, t.actor);
    await expect(startCampaign(t.teamId, c.id, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    expect((await getStoredCampaign(t.teamId, c.id)).status).toBe('stopped');
    const unknown = createCampaign(t.teamId, { name: 'Ghost', botId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, t.actor);
    await expect(unknown).rejects.toMatchObject({ statusCode: 404, errors: [{ path: 'botId' }] });
  });
});

describe('phone numbers and bot deletion', () => {
  it('maps a number to one bot, releases it on delete, and deletes the bot with its stopped campaigns', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Inbound' }, t.actor);
    const other = await createBot(t.teamId, { name: 'Other' }, t.actor);
    expect(await createPhoneNumber(t.teamId, { number: '+14155550111', botId: bot.id }, t.actor)).toMatchObject({
      number: '+14155550111',
      botId: bot.id,
    });
    await createPhoneNumber(t.teamId, { number: '+14155550112', botId: bot.id }, t.actor);
    const taken = createPhoneNumber(t.teamId, { number: '+14155550111', botId: other.id }, t.actor);
    await expect(taken).rejects.toMatchObject({ statusCode: 409, extra: { botId: bot.id } });
    await expect(
      createPhoneNumber(t.teamId, { number: '+14155550113', botId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, t.actor),
    ).rejects.toMatchObject({ statusCode: 404 });

    await deletePhoneNumber(t.teamId, '+14155550112', t.actor);
    await expect(deletePhoneNumber(t.teamId, '+14155550112', t.actor)).rejects.toMatchObject({ statusCode: 404 });
    expect([...(await getStoredBot(t.teamId, bot.id)).phoneNumbers!]).toEqual(['+14155550111']);

    const c = await createCampaign(t.teamId, { name: 'Done', botId: bot.id }, t.actor);
    await startCampaign(t.teamId, c.id, t.actor);
    await stopCampaign(t.teamId, c.id, t.actor);
    await deleteBotAndData(t.teamId, bot.id, t.actor);
    await drainLocalJobs();
    const phone = await doc.send(new GetCommand({ TableName: T(), Key: phoneNumberKey(t.teamId, '+14155550111') }));
    const campaign = await doc.send(new GetCommand({ TableName: T(), Key: campaignKey(t.teamId, c.id) }));
    expect([phone.Item, campaign.Item]).toEqual([undefined, undefined]);
    // released: the number can go to another bot
    await createPhoneNumber(t.teamId, { number: '+14155550111', botId: other.id }, t.actor);
    const [deleted] = await events(t.teamId, bot.id);
    expect(deleted).toMatchObject({
      action: 'delete',
      changes: { phoneNumbers: { before: ['+14155550111'], after: [] }, campaigns: { before: [c.id], after: [] } },
    });
  });

  it('releases a number mapped between the delete read and its write (the delete retries with the new state)', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Going' }, t.actor);
    const injected = beforeNextTransaction(() => createPhoneNumber(t.teamId, { number: '+14155550120', botId: bot.id }, t.actor));
    await deleteBotAndData(t.teamId, bot.id, t.actor);
    expect(injected()).toBe(true);
    expect((await doc.send(new GetCommand({ TableName: T(), Key: phoneNumberKey(t.teamId, '+14155550120') }))).Item).toBeUndefined();
    await expect(getStoredBot(t.teamId, bot.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('caps a bot at 50 numbers so its delete fits one transaction', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Call centre' }, t.actor);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createPhoneNumber(t.teamId, { number: `+1415555${String(i).padStart(4, '0')}`, botId: bot.id }, t.actor),
      ),
    );
    await expect(createPhoneNumber(t.teamId, { number: '+14155559999', botId: bot.id }, t.actor)).rejects.toMatchObject({
      statusCode: 409,
    });
    const c = await createCampaign(t.teamId, { name: 'Big', botId: bot.id }, t.actor);
    await deleteBotAndData(t.teamId, bot.id, t.actor);
    expect((await listPhoneNumbers(t.teamId, 100)).items).toEqual([]);
    await expect(getStoredCampaign(t.teamId, c.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('purges the data of a deleted bot in the background', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Gone' }, t.actor);
    await writeContactItems(doc, T(), { teamId: t.teamId, botId: bot.id, generation: 0 }, 60);
    await deleteBotAndData(t.teamId, bot.id, t.actor);
    await drainLocalJobs();
    expect(await countPartition(doc, T(), { teamId: t.teamId, botId: bot.id, generation: 0 })).toBe(0);
  });
});

describe('post-call cache', () => {
  it('shows, enables, disables and refreshes, refusing a refresh without prompts', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Analyst' }, t.actor);
    expect(await getPostCallCache(t.teamId, bot.id)).toEqual({
      enabled: false,
      analysisPromptConfigured: false,
      qcPromptConfigured: false,
      version: 1,
      refreshedBy: null,
      refreshedAt: null,
    });
    await expect(refreshPostCallCache(t.teamId, bot.id, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    expect((await setPostCallCacheEnabled(t.teamId, bot.id, true, t.actor)).enabled).toBe(true);
    await updateBot(t.teamId, bot.id, { qcPrompt: '   ' }, t.actor);
    await expect(refreshPostCallCache(t.teamId, bot.id, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    await updateBot(t.teamId, bot.id, { qcPrompt: 'Was the caller greeted?' }, t.actor);
    const refreshed = await refreshPostCallCache(t.teamId, bot.id, { email: 'qa@example.test', role: 'admin' });
    expect(refreshed).toMatchObject({
      enabled: true,
      qcPromptConfigured: true,
      analysisPromptConfigured: false,
      version: 2,
      refreshedBy: 'qa@example.test',
    });
    expect(Date.now() - Date.parse(refreshed.refreshedAt!)).toBeLessThan(60_000);
    expect((await setPostCallCacheEnabled(t.teamId, bot.id, false, t.actor)).enabled).toBe(false);
    expect((await getStoredBot(t.teamId, bot.id)).postCallCache).toMatchObject({ enabled: false, version: 2 });
    const actions = (await events(t.teamId, bot.id)).map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['post_call_cache_disable', 'post_call_cache_refresh', 'update']);
    expect(actions).toContain('post_call_cache_enable');
  });
});

describe('bot item invariants', () => {
  type Team = Awaited<ReturnType<typeof newTeam>>;
  it.each([
    [
      'a phone number mapping',
      (t: Team, botId: string) => createPhoneNumber(t.teamId, { number: '+14155550130', botId }, t.actor),
      (b: Awaited<ReturnType<typeof getStoredBot>>) => expect([...(b.phoneNumbers ?? [])]).toEqual(['+14155550130']),
    ],
    [
      'a campaign registration',
      (t: Team, botId: string) => createCampaign(t.teamId, { name: 'Late', botId }, t.actor),
      (b: Awaited<ReturnType<typeof getStoredBot>>) => expect(b.campaignIds?.size).toBe(1),
    ],
    [
      'a reset',
      (t: Team, botId: string) => resetBot(t.teamId, botId, t.actor),
      (b: Awaited<ReturnType<typeof getStoredBot>>) => expect(b.dataGeneration).toBe(1),
    ],
    [
      'a pause',
      (t: Team, botId: string) => setBotActive(t.teamId, botId, false, t.actor),
      (b: Awaited<ReturnType<typeof getStoredBot>>) => expect(b.active).toBe(false),
    ],
  ])('never lets an update overwrite %s written between its read and its write', async (_what, write, check) => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Guarded' }, t.actor);
    const injected = beforeNextTransaction(() => write(t, bot.id));
    await updateBot(t.teamId, bot.id, { description: 'after' }, t.actor);
    expect(injected()).toBe(true);
    const stored = await getStoredBot(t.teamId, bot.id);
    expect(stored.description).toBe('after');
    check(stored);
    await drainLocalJobs();
  });

  it('keeps a failed transaction from writing anything (reset of a missing bot creates no item)', async () => {
    const t = await newTeam();
    await expect(resetBot(t.teamId, '01ARZ3NDEKTSV4RRFFQ69G5FAV', t.actor)).rejects.toMatchObject({ statusCode: 404 });
    const res = await doc.send(new GetCommand({ TableName: T(), Key: botKey(t.teamId, '01ARZ3NDEKTSV4RRFFQ69G5FAV') }));
    expect(res.Item).toBeUndefined();
  });
});
