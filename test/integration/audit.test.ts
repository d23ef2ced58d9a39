import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../shared/audit/queries.js';
import { createBot, deleteBot, updateBot } from '../../shared/domain/bots/bots.js';
import { createMember } from '../../shared/domain/team/members.js';
import { newTeam } from '../support/factory.js';

describe('audit log queries (DynamoDB Local)', () => {
  it('filters by module, action, actor, bot and date range, each returning exactly the matching events', async () => {
    const t = await newTeam();
    const other = { email: 'second@example.test', role: 'admin' as const };
    const a = await createBot(t.teamId, { name: 'A' }, t.actor);
    const b = await createBot(t.teamId, { name: 'B' }, other);
    const mid = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await updateBot(t.teamId, a.id, { description: 'x' }, other);
    await createMember(t.teamId, 'm@example.test', 'member', t.actor);
    await deleteBot(t.teamId, b.id, t.actor);

    const q = async (f: Parameters<typeof listAuditEvents>[1]) =>
      (await listAuditEvents(t.teamId, f, 100, undefined)).items.map(
        (e) => `${e.module}:${e.action}:${e.targetId === a.id ? 'A' : e.targetId === b.id ? 'B' : 'other'}`,
      );
    expect(await q({ botId: a.id })).toEqual(['bots:update:A', 'bots:create:A']);
    expect(await q({ module: 'bots' })).toEqual(['bots:delete:B', 'bots:update:A', 'bots:create:B', 'bots:create:A']);
    expect(await q({ module: 'bots', action: 'create' })).toEqual(['bots:create:B', 'bots:create:A']);
    expect(await q({ actorEmail: 'SECOND@example.test' })).toEqual(['bots:update:A', 'bots:create:B']);
    expect(await q({ from: mid, module: 'bots' })).toEqual(['bots:delete:B', 'bots:update:A']);
    expect(await q({ to: mid, module: 'bots' })).toEqual(['bots:create:B', 'bots:create:A']);
    expect(await q({ action: 'delete' })).toEqual(['bots:delete:B']);
    const otherTeam = await newTeam();
    expect((await listAuditEvents(otherTeam.teamId, { botId: a.id }, 100, undefined)).items).toEqual([]);
  });

  it('never returns an empty page while matches remain behind many non-matching events', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Noisy' }, t.actor);
    for (let i = 0; i < 3; i++) await updateBot(t.teamId, bot.id, { description: `d${i}` }, t.actor);
    await Promise.all(Array.from({ length: 250 }, (_, i) => createMember(t.teamId, `m${i}@example.test`, 'member', t.actor)));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(t.teamId, { action: 'update' }, 2, cursor);
      pages++;
      if (page.nextCursor) expect(page.items.length).toBe(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    expect(pages).toBe(2);
  });
});
