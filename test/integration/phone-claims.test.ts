import { describe, expect, it } from 'vitest';
import { createBot } from '../../shared/domain/bots/bots.js';
import { deleteBotAndData } from '../../shared/domain/bots/reset.js';
import { createPhoneNumber, deletePhoneNumber, listPhoneNumbers } from '../../shared/domain/phone-numbers/phone-numbers.js';
import { drainLocalJobs } from '../../infra/local/adapters/async-invoke.js';
import { newTeam, uniquePhoneNumber } from '../support/factory.js';

/*
 * A phone number belongs to one team at a time: no team maps (and so dials out from) another team's number, and
 * the refusal does not tell who holds it.
 */
async function teamWithBot(name: string) {
  const t = await newTeam(name);
  const bot = await createBot(t.teamId, { name: `${name} bot` }, t.actor);
  return { t, bot };
}

describe('phone numbers are unique across teams', () => {
  it("refuses another team's number with 409 that names no team, and frees it when the owner releases it", async () => {
    const a = await teamWithBot('Owner Inc');
    const b = await teamWithBot('Squatter Ltd');
    const number = uniquePhoneNumber();
    await createPhoneNumber(a.t.teamId, { number, botId: a.bot.id }, a.t.actor);

    const taken = createPhoneNumber(b.t.teamId, { number, botId: b.bot.id }, b.t.actor);
    await expect(taken).rejects.toMatchObject({ statusCode: 409 });
    const error = (await taken.catch((e: unknown) => e)) as Error & { extra?: unknown };
    expect(JSON.stringify({ message: error.message, extra: error.extra })).not.toMatch(new RegExp(`${a.t.teamId}|Owner|${a.bot.id}`));
    expect((await listPhoneNumbers(b.t.teamId, 100)).items).toEqual([]);

    await deletePhoneNumber(a.t.teamId, number, a.t.actor);
    await createPhoneNumber(b.t.teamId, { number, botId: b.bot.id }, b.t.actor);
    await expect(createPhoneNumber(a.t.teamId, { number, botId: a.bot.id }, a.t.actor)).rejects.toMatchObject({ statusCode: 409 });
  });

  it("lets a team take a number whose owner deleted the bot it was mapped to, and the old owner can't take it back", async () => {
    const a = await teamWithBot('Gone Co');
    const b = await teamWithBot('Next Co');
    const number = uniquePhoneNumber();
    await createPhoneNumber(a.t.teamId, { number, botId: a.bot.id }, a.t.actor);
    await deleteBotAndData(a.t.teamId, a.bot.id, a.t.actor);
    await drainLocalJobs();

    await createPhoneNumber(b.t.teamId, { number, botId: b.bot.id }, b.t.actor);
    const again = await createBot(a.t.teamId, { name: 'Again' }, a.t.actor);
    await expect(createPhoneNumber(a.t.teamId, { number, botId: again.id }, a.t.actor)).rejects.toMatchObject({ statusCode: 409 });
  });

  it('gives a fresh number to exactly one of two teams mapping it at the same time', async () => {
    const a = await teamWithBot('Racer A');
    const b = await teamWithBot('Racer B');
    for (let round = 0; round < 8; round++) {
      const number = uniquePhoneNumber();
      const results = await Promise.allSettled([
        createPhoneNumber(a.t.teamId, { number, botId: a.bot.id }, a.t.actor),
        createPhoneNumber(b.t.teamId, { number, botId: b.bot.id }, b.t.actor),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ statusCode: 409 });
      const holders = [...(await listPhoneNumbers(a.t.teamId, 100)).items, ...(await listPhoneNumbers(b.t.teamId, 100)).items].filter(
        (p) => p.number === number,
      );
      expect(holders).toHaveLength(1);
    }
  });
});
