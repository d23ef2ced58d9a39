import { afterEach, describe, expect, it } from 'vitest';
import { resolvePrincipal } from '../../shared/auth/authorize.js';
import { doc } from '../../shared/db/client.js';
import { changeMemberRole, createMember, deleteMember } from '../../shared/domain/team/members.js';
import { createApiKey } from '../../shared/domain/team/api-keys.js';
import { newTeam } from '../support/factory.js';

/*
 * A key copies its member's role; a member's removal revokes their keys. A key minted while the member is being
 * demoted or removed must not keep the old role or outlive the member, whichever write reaches DynamoDB first.
 * A client middleware holds one write until the other has committed, to force each interleaving.
 */
const HOLD = `hold-${Math.random()}`;
afterEach(() => doc.middlewareStack.remove(HOLD));

/** Before the first TransactWriteItems that `matches`, runs `meanwhile` to completion, then lets the write go. */
function holdFirstTransaction(
  matches: (input: { TransactItems: Record<string, { Key?: Record<string, string>; Item?: Record<string, unknown> }>[] }) => boolean,
  meanwhile: () => Promise<unknown>,
) {
  let done = false;
  const result: { error?: unknown } = {};
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Parameters<typeof matches>[0];
      if (!done && context.commandName === 'TransactWriteItemsCommand' && matches(input)) {
        done = true;
        await meanwhile().catch((e) => {
          result.error = e;
        });
      }
      return next(args);
    },
    { step: 'initialize', name: HOLD },
  );
  return result;
}
const putsApiKey = (input: { TransactItems: Record<string, { Item?: Record<string, unknown> }>[] }) =>
  input.TransactItems.some((t) => String(t.Put?.Item?.PK ?? '').startsWith('APIKEY#'));
const changesMember = (input: { TransactItems: Record<string, { Key?: Record<string, string> }>[] }) =>
  input.TransactItems.some((t) => String((t.Update ?? t.Delete)?.Key?.SK ?? '').startsWith('MEMBER#'));

async function adminWithActor() {
  const t = await newTeam();
  const admin = await createMember(t.teamId, `admin-${Math.random()}@example.test`, 'admin', t.actor);
  return { t, admin };
}

describe('API keys minted during a role change or a removal', () => {
  it('a key whose member is demoted between its read and its write is minted with the new role, never as admin', async () => {
    const { t, admin } = await adminWithActor();
    holdFirstTransaction(putsApiKey, () => changeMemberRole(t.teamId, admin.id, 'member', t.actor));
    // the first write is refused (the role changed), the step runs again with the member as it is now
    const key = await createApiKey(t.teamId, 'racing', admin.id, t.actor);
    expect((await resolvePrincipal(`Bearer ${key.key}`))?.role).toBe('member');
  });

  it('a demotion that read the keys before a new key was minted is refused (409), never leaving an admin key behind', async () => {
    const { t, admin } = await adminWithActor();
    let minted = '';
    holdFirstTransaction(changesMember, async () => {
      minted = (await createApiKey(t.teamId, 'minted meanwhile', admin.id, t.actor)).key;
    });
    await expect(changeMemberRole(t.teamId, admin.id, 'member', t.actor)).rejects.toMatchObject({ statusCode: 409 });
    await changeMemberRole(t.teamId, admin.id, 'member', t.actor);
    expect((await resolvePrincipal(`Bearer ${minted}`))?.role).toBe('member');
  });

  it('a removal that read the keys before a new key was minted is refused (409), never leaving a key of a removed member', async () => {
    const { t, admin } = await adminWithActor();
    let minted = '';
    holdFirstTransaction(changesMember, async () => {
      minted = (await createApiKey(t.teamId, 'minted meanwhile', admin.id, t.actor)).key;
    });
    await expect(deleteMember(t.teamId, admin.id, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    await deleteMember(t.teamId, admin.id, t.actor);
    expect(await resolvePrincipal(`Bearer ${minted}`)).toBeUndefined();
  });
});

describe('who may mint a key for whom', () => {
  it('lets a caller mint keys for themselves and for lower roles only, so no one is audited for another peer', async () => {
    const { t, admin } = await adminWithActor();
    const otherAdmin = await createMember(t.teamId, `other-${Math.random()}@example.test`, 'admin', t.actor);
    const member = await createMember(t.teamId, `m-${Math.random()}@example.test`, 'member', t.actor);
    const asAdmin = { email: admin.email, role: 'admin' as const };
    await expect(createApiKey(t.teamId, 'for a peer', otherAdmin.id, asAdmin)).rejects.toMatchObject({ statusCode: 403 });
    expect((await createApiKey(t.teamId, 'mine', admin.id, asAdmin)).memberId).toBe(admin.id);
    expect((await createApiKey(t.teamId, 'for a member', member.id, asAdmin)).memberId).toBe(member.id);
    expect((await createApiKey(t.teamId, 'by the owner', otherAdmin.id, t.actor)).memberId).toBe(otherAdmin.id);
  });
});
