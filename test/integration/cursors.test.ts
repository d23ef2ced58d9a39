import { describe, expect, it } from 'vitest';
import { handler as listBotsRoute } from '../../functions/bots/list.js';
import { listAuditEvents } from '../../shared/audit/queries.js';
import { encodeCursor } from '../../shared/db/cursor.js';
import { auditPartition, botDataPartition } from '../../shared/db/keys.js';
import { createBot, listBots } from '../../shared/domain/bots/bots.js';
import { listBotCalls } from '../../shared/domain/calls/store.js';
import { listContactStatuses } from '../../shared/domain/contacts/contacts.js';
import { apiEvent, invoke } from '../support/api-event.js';
import { newTeam } from '../support/factory.js';

/**
 * A cursor naming the caller's own partition but a sort key outside the list (forged, or copied from another list
 * of the same partition) is refused like any foreign cursor: 400, never DynamoDB's ValidationException as a 500.
 */
describe('cursors outside their list (DynamoDB Local)', () => {
  it('refuses a team-partition cursor of another entity on the bot list: 400 problem+json', async () => {
    const t = await newTeam();
    await createBot(t.teamId, { name: 'One' }, t.actor);
    const forged = encodeCursor({ PK: `TEAM#${t.teamId}`, SK: `MEMBER#${t.memberId}` })!;
    await expect(listBots(t.teamId, 10, forged)).rejects.toMatchObject({ statusCode: 400, title: 'Invalid cursor' });

    const principal = { teamId: t.teamId, memberId: t.memberId, email: t.email, role: 'super_admin' as const, keyId: 'K1' };
    const res = await invoke(
      listBotsRoute,
      apiEvent({
        method: 'GET',
        path: `/api/teams/${t.teamId}/bots`,
        pathParameters: { teamId: t.teamId },
        principal,
        query: { cursor: forged },
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(res.json.errors).toEqual([{ path: 'cursor', message: 'not a cursor issued for this list' }]);
  });

  it('refuses a bot-data cursor of contacts on the call list and of calls on the contact list', async () => {
    const t = await newTeam();
    const bot = await createBot(t.teamId, { name: 'Two' }, t.actor);
    const PK = botDataPartition(t.teamId, bot.id, 0);
    await expect(listBotCalls(t.teamId, bot.id, 10, encodeCursor({ PK, SK: 'CONTACT#alice' })!)).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(
      listContactStatuses(t.teamId, bot.id, undefined, 10, encodeCursor({ PK, SK: 'CALL#01J0000000000000000000000C' })!),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it('refuses an audit cursor outside the requested date range', async () => {
    const t = await newTeam();
    const forged = encodeCursor({ PK: auditPartition(t.teamId), SK: '2020-01-01T00:00:00.000Z#01J0000000000000000000000C' })!;
    await expect(listAuditEvents(t.teamId, { from: '2026-01-01T00:00:00Z' }, 10, forged)).rejects.toMatchObject({ statusCode: 400 });
    // the same cursor within the range is accepted
    await expect(listAuditEvents(t.teamId, { from: '2019-01-01T00:00:00Z' }, 10, forged)).resolves.toMatchObject({ items: [] });
  });
});
