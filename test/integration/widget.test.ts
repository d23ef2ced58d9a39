import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../shared/audit/queries.js';
import { doc, tableName } from '../../shared/db/client.js';
import { botKey } from '../../shared/db/keys.js';
import { consumeRateLimit } from '../../shared/db/rate-limit.js';
import { createBot, deleteBot, getStoredBot, updateBot } from '../../shared/domain/bots/bots.js';
import { createWidgetSession } from '../../functions/widget/create-session.js';
import { preflightWidgetSession } from '../../functions/widget/preflight-session.js';
import { verifyWidgetSession } from '../../shared/domain/widget/session-token.js';
import { regenerateWidgetKey, revealWidgetKey, updateWidgetSettings, widgetSettingsOf } from '../../shared/domain/widget/widget.js';
import { widgetSessionSecret } from '../../shared/ports/session-secret.js';
import { newTeam } from '../support/factory.js';
import { resetConfig } from '../../shared/config.js';

const SITE = 'https://shop.example.com';

async function enabledBot(allowedDomains = [SITE]) {
  const t = await newTeam();
  const bot = await createBot(t.teamId, { name: 'Widget bot', color: '#112233' }, t.actor);
  await updateWidgetSettings(t.teamId, bot.id, { enabled: true, allowedDomains }, t.actor);
  const { key } = await revealWidgetKey(t.teamId, bot.id, t.actor);
  return { t, bot, key };
}

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 201,
    (e: { statusCode?: number }) => e.statusCode ?? 500,
  );

describe('widget sessions (DynamoDB Local)', () => {
  it('issues a signed session with the public appearance to an allowed origin', async () => {
    const { t, bot, key } = await enabledBot();
    const { session, headers } = await createWidgetSession({ key, origin: SITE });
    expect(headers).toEqual({ Vary: 'Origin', 'Access-Control-Allow-Origin': SITE, 'Access-Control-Expose-Headers': 'Retry-After' });
    expect(session).toMatchObject({
      botId: bot.id,
      appearance: { name: 'Widget bot', color: '#112233', alignment: 'right', icon: 'default' },
    });
    expect(session.appearance).not.toHaveProperty('customPrompt');
    const claims = verifyWidgetSession(session.token, await widgetSessionSecret())!;
    expect(claims).toMatchObject({ sub: session.sessionId, tid: t.teamId, bid: bot.id, org: SITE });
    expect(new Date(session.expiresAt).getTime()).toBe(claims.exp * 1000);
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('refuses the old key from the moment regenerate commits, and accepts the new one at once', async () => {
    const { t, bot, key: oldKey } = await enabledBot();
    const regenerated = await regenerateWidgetKey(t.teamId, bot.id, t.actor);
    const newKey = regenerated.widget!.key;
    expect(newKey).not.toBe(oldKey);
    await expect(createWidgetSession({ key: oldKey, origin: SITE })).rejects.toMatchObject({ statusCode: 401 });
    await expect(createWidgetSession({ key: newKey, origin: SITE })).resolves.toBeDefined();
    expect((await getStoredBot(t.teamId, bot.id)).widget).toMatchObject({ enabled: true, key: newKey });
  });

  it('answers 403 with a reason for a foreign origin, a disabled widget and a paused bot; 401 for a deleted bot', async () => {
    const { t, bot, key } = await enabledBot();
    const foreign = await createWidgetSession({ key, origin: 'https://evil.example' }).catch((e) => e);
    expect(foreign).toMatchObject({ statusCode: 403, extra: { reason: 'origin_not_allowed' }, headers: { Vary: 'Origin' } });
    expect(foreign.headers).not.toHaveProperty('Access-Control-Allow-Origin');
    await expect(createWidgetSession({ key, origin: undefined })).rejects.toMatchObject({ statusCode: 403 });

    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: botKey(t.teamId, bot.id),
        UpdateExpression: 'SET active = :f',
        ExpressionAttributeValues: { ':f': false },
      }),
    );
    const paused = await createWidgetSession({ key, origin: SITE }).catch((e) => e);
    // the origin is allowed, so the browser may read why
    expect(paused).toMatchObject({ statusCode: 403, extra: { reason: 'bot_paused' }, headers: { 'Access-Control-Allow-Origin': SITE } });

    await updateWidgetSettings(t.teamId, bot.id, { enabled: false }, t.actor);
    await expect(createWidgetSession({ key, origin: SITE })).rejects.toMatchObject({
      statusCode: 403,
      extra: { reason: 'widget_disabled' },
    });

    await deleteBot(t.teamId, bot.id, t.actor);
    await expect(createWidgetSession({ key, origin: SITE })).rejects.toMatchObject({ statusCode: 401 });
  });

  it('lets any origin in while the list is empty, and the preflight follows the same list', async () => {
    const { t, bot, key } = await enabledBot([]);
    await expect(createWidgetSession({ key, origin: 'https://anywhere.example' })).resolves.toMatchObject({
      headers: { 'Access-Control-Allow-Origin': 'https://anywhere.example' },
    });
    await expect(preflightWidgetSession(bot.id, 'https://anywhere.example')).resolves.toMatchObject({
      'Access-Control-Allow-Origin': 'https://anywhere.example',
    });
    await updateWidgetSettings(t.teamId, bot.id, { allowedDomains: ['*.example.com'] }, t.actor);
    await expect(statusOf(preflightWidgetSession(bot.id, 'https://anywhere.example'))).resolves.toBe(403);
    await expect(preflightWidgetSession(bot.id, 'https://a.example.com')).resolves.toMatchObject({
      'Access-Control-Allow-Methods': 'POST',
    });
    await expect(statusOf(preflightWidgetSession('01J0000000000000000000000B', 'https://a.example.com'))).resolves.toBe(403);
    await expect(statusOf(preflightWidgetSession(undefined, 'https://a.example.com'))).resolves.toBe(403);
  });

  it('limits sessions per key: concurrent callers never exceed the limit, and refused origins use none of it', async () => {
    const { key } = await enabledBot();
    process.env.WIDGET_SESSION_RATE_LIMIT = '3';
    resetConfig();
    try {
      for (let i = 0; i < 5; i++) await expect(statusOf(createWidgetSession({ key, origin: 'https://evil.example' }))).resolves.toBe(403);
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          createWidgetSession({ key, origin: SITE }).then(
            () => 'ok',
            (e) => e,
          ),
        ),
      );
      expect(results.filter((r) => r === 'ok')).toHaveLength(3);
      const refused = results.find((r) => r !== 'ok');
      expect(refused).toMatchObject({ statusCode: 429, headers: { 'Access-Control-Allow-Origin': SITE } });
      expect(Number(refused.headers['Retry-After'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['Retry-After'])).toBeLessThanOrEqual(60);
    } finally {
      delete process.env.WIDGET_SESSION_RATE_LIMIT;
      resetConfig();
    }
  });

  it('counts a fixed window per scope and resets in the next one', async () => {
    const scope = `TEST#${Math.random()}`;
    const at = 1_700_000_080_000; // 40 s into a 60 s window
    const runs = await Promise.all(Array.from({ length: 6 }, () => consumeRateLimit(scope, 4, 60, at)));
    expect(runs.filter((r) => r.allowed)).toHaveLength(4);
    expect(runs.find((r) => !r.allowed)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(await consumeRateLimit(scope, 4, 60, at + 20_000)).toEqual({ allowed: true });
  });
});

describe('widget settings (DynamoDB Local)', () => {
  it('shares allowedDomains with the bot, and audits every change without ever writing the key', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Shared', allowedDomains: ['docsbot.ai'] }, t.actor);
    const after = await updateWidgetSettings(t.teamId, bot.id, { allowedDomains: ['https://shop.example.com'] }, t.actor);
    expect((await getStoredBot(t.teamId, bot.id)).allowedDomains).toEqual(['https://shop.example.com']);
    expect(after.version).toBe(2);
    await updateBot(t.teamId, bot.id, { allowedDomains: ['app.docsbot.ai'] }, t.actor);
    expect((await getStoredBot(t.teamId, bot.id)).allowedDomains).toEqual(['app.docsbot.ai']);

    const { key } = await revealWidgetKey(t.teamId, bot.id, t.actor);
    await regenerateWidgetKey(t.teamId, bot.id, t.actor);
    const noop = await updateWidgetSettings(t.teamId, bot.id, { enabled: false }, t.actor);
    const events = (await listAuditEvents(t.teamId, { module: 'widget' }, 10, undefined)).items;
    expect(events.map((e) => e.action)).toEqual(['regenerate_key', 'reveal_key', 'update']);
    expect(events[0]!.changes.apiKey).toEqual({ before: `wk_****${key.slice(-4)}`, after: expect.stringMatching(/^wk_\*{4}.{4}$/) });
    expect(JSON.stringify(events)).not.toContain(key.slice(3));
    expect(noop.version).toBe((await getStoredBot(t.teamId, bot.id)).version);
  });

  it('never lets a concurrent bot update write an old key back (every widget write bumps the version)', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Race' }, t.actor);
    for (let i = 0; i < 5; i++) {
      const [, regenerated] = await Promise.all([
        updateBot(t.teamId, bot.id, { description: `round ${i}` }, t.actor),
        regenerateWidgetKey(t.teamId, bot.id, t.actor),
        updateWidgetSettings(t.teamId, bot.id, { enabled: i % 2 === 0 }, t.actor),
      ]);
      const stored = await getStoredBot(t.teamId, bot.id);
      expect(stored.widget!.key).toBe(regenerated.widget!.key);
      expect(stored.widget!.enabled).toBe(i % 2 === 0);
      expect(stored.description).toBe(`round ${i}`);
    }
    const before = await getStoredBot(t.teamId, bot.id);
    await regenerateWidgetKey(t.teamId, bot.id, t.actor);
    await expect(updateBot(t.teamId, bot.id, { description: 'stale' }, t.actor, before.version)).rejects.toMatchObject({ statusCode: 412 });
    await expect(updateWidgetSettings(t.teamId, bot.id, { enabled: true }, t.actor, before.version)).rejects.toMatchObject({
      statusCode: 412,
    });
  });

  it('gives a bot stored before the widget existed a key on its first regenerate', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Legacy' }, t.actor);
    await doc.send(
      new UpdateCommand({ TableName: tableName(), Key: botKey(t.teamId, bot.id), UpdateExpression: 'REMOVE widget, GSI1PK, GSI1SK' }),
    );
    const legacy = await getStoredBot(t.teamId, bot.id);
    expect(widgetSettingsOf(legacy, 'https://api.test')).toMatchObject({ enabled: false, apiKey: null, embedCode: null });
    await expect(revealWidgetKey(t.teamId, bot.id, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    const key = (await regenerateWidgetKey(t.teamId, bot.id, t.actor)).widget!.key;
    await updateWidgetSettings(t.teamId, bot.id, { enabled: true }, t.actor);
    await expect(createWidgetSession({ key, origin: SITE })).resolves.toMatchObject({ session: { botId: bot.id } });
  });

  it("answers 404 for another team's bot", async () => {
    const t = await newTeam();
    const other = await newTeam();
    const theirs = await createBot(other.teamId, { name: 'Theirs' }, other.actor);
    await expect(revealWidgetKey(t.teamId, theirs.id, t.actor)).rejects.toMatchObject({ statusCode: 404 });
    await expect(regenerateWidgetKey(t.teamId, theirs.id, t.actor)).rejects.toMatchObject({ statusCode: 404 });
    await expect(updateWidgetSettings(t.teamId, theirs.id, { enabled: true }, t.actor)).rejects.toMatchObject({ statusCode: 404 });
  });
});
