import { describe, expect, it } from 'vitest';
import { type AuditEvent, auditPut } from '../../shared/audit/audit.js';
import { type AuditFilters, auditEventPages, auditQueryPlan, listAuditEvents } from '../../shared/audit/queries.js';
import { dynamo } from '../../shared/db/client.js';
import type { Actor } from '../../shared/auth/principal.js';
import { transactWrite } from '../../shared/db/transact.js';
import { newTeam } from '../support/factory.js';

/** Runs `fn` and returns the DynamoDB commands the shared client sent meanwhile (by name). */
async function commandsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const name = `count-${Math.random()}`;
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      seen.push(context.commandName ?? '?');
      return next(args);
    },
    {
      step: 'initialize',
      name,
    },
  );
  try {
    await fn();
  } finally {
    dynamo.middlewareStack.remove(name);
  }
  return seen;
}

describe('audit log queries: one index per filter', () => {
  const single: [string, AuditFilters, string | undefined][] = [
    ['bot', { botId: 'B1' }, 'GSI1'],
    ['actor', { actorEmail: 'A@example.test' }, 'GSI2'],
    ['module', { module: 'bots' }, 'GSI3'],
    ['action', { action: 'update' }, 'GSI4'],
    ['module + action', { module: 'bots', action: 'update' }, 'GSI5'],
    ['date range', { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, undefined],
    ['module + action + date range', { module: 'bots', action: 'update', from: '2026-01-01T00:00:00Z' }, 'GSI5'],
    ['nothing', {}, undefined],
  ];

  it.each(single)('%s: a key Query on its own index, no filter left, one request per page', async (_name, filters, index) => {
    const t = await newTeam();
    const plan = auditQueryPlan(t.teamId, filters);
    expect(plan.input.IndexName).toBe(index);
    expect(plan.input.FilterExpression).toBeUndefined();
    expect(plan.filtered).toBe(false);
    if (filters.from) expect(plan.input.KeyConditionExpression).toContain('BETWEEN');
    expect(await commandsOf(() => listAuditEvents(t.teamId, filters, 25, undefined))).toEqual(['QueryCommand']);
  });

  it('bot or actor combined with another filter reads the bot/actor index and filters only there', () => {
    const plan = auditQueryPlan('T', { botId: 'B1', actorEmail: 'Someone@Example.test', action: 'update' });
    expect(plan.input.IndexName).toBe('GSI1');
    expect(plan.input.FilterExpression).toBe('#f_actorEmail = :f_actorEmail AND #f_action = :f_action');
    expect(plan.input.ExpressionAttributeValues).toMatchObject({
      ':pk': 'TEAM#T#AUDIT#BOT#B1',
      ':f_actorEmail': 'someone@example.test',
      ':f_action': 'update',
    });
    expect(plan.filtered).toBe(true);
  });

  it('never returns an empty page while matches remain behind many non-matching events (leftover filter)', async () => {
    const t = await newTeam();
    const rare: Actor = { email: 'rare@example.test', role: 'admin' };
    const put = (actor: Actor, i: number) =>
      transactWrite([auditPut(t.teamId, { actor, module: 'bots', action: 'update', botId: 'NOISY', targetId: `t${i}`, changes: {} })]);
    for (let i = 0; i < 3; i++) await put(rare, i);
    await Promise.all(Array.from({ length: 250 }, (_, i) => put(t.actor, 100 + i)));

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(t.teamId, { botId: 'NOISY', actorEmail: rare.email }, 2, cursor);
      pages++;
      if (page.nextCursor) expect(page.items.length).toBe(2);
      expect(page.items.length).toBeGreaterThan(0);
      seen.push(...page.items.map((e) => e.targetId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['t2', 't1', 't0']);
    expect(pages).toBe(2);
  });

  it("rejects a cursor of another filter's index with 400", async () => {
    const t = await newTeam();
    for (let i = 0; i < 3; i++)
      await transactWrite([auditPut(t.teamId, { actor: t.actor, module: 'bots', action: 'update', targetId: `t${i}`, changes: {} })]);
    const page = await listAuditEvents(t.teamId, { module: 'bots', action: 'update' }, 1, undefined);
    expect(page.nextCursor).not.toBeNull();
    await expect(listAuditEvents(t.teamId, { action: 'update' }, 1, page.nextCursor!)).rejects.toMatchObject({ statusCode: 400 });
    const next = await listAuditEvents(t.teamId, { module: 'bots', action: 'update' }, 5, page.nextCursor!);
    expect(next.items.map((e) => e.targetId)).toEqual(['t1', 't0']);
  });

  it('pages the exporter reads (continuing below the last sort key) hold exactly the list, for every kind of plan', async () => {
    const t = await newTeam();
    const other: Actor = { email: 'other@example.test', role: 'admin' };
    for (let i = 0; i < 12; i++) {
      const actor = i % 3 === 0 ? other : t.actor;
      await transactWrite([
        auditPut(
          t.teamId,
          {
            actor,
            module: i % 2 ? 'bots' : 'members',
            action: i % 4 ? 'update' : 'create',
            ...(i % 2 ? { botId: 'B1' } : {}),
            targetId: `t${i}`,
            changes: {},
          },
          new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        ),
      ]);
    }
    const all = async (filters: AuditFilters) => (await listAuditEvents(t.teamId, filters, 100, undefined)).items.map((e) => e.targetId);
    for (const filters of [
      {},
      { module: 'bots' },
      { action: 'update' },
      { module: 'bots', action: 'update' },
      { botId: 'B1', actorEmail: other.email },
      { from: '2026-01-01T00:00:03Z', to: '2026-01-01T00:00:09Z' },
      { from: '2026-01-01T00:00:03Z', actorEmail: t.actor.email },
      { to: '2026-01-01T00:00:05Z', module: 'members' },
    ] as AuditFilters[]) {
      for (const pageSize of [1, 2, 3, 5]) {
        const seen: AuditEvent[] = [];
        for await (const page of auditEventPages(t.teamId, filters, pageSize)) {
          expect(page.length).toBeGreaterThan(0);
          seen.push(...page);
        }
        expect(
          seen.map((e) => e.targetId),
          `${JSON.stringify(filters)} / ${pageSize}`,
        ).toEqual(await all(filters));
      }
    }
  });
});
