import { ulid } from 'ulid';
import { auditPut } from '../../audit/audit.js';
import { generateApiKey } from '../../auth/api-keys.js';
import type { Actor } from '../../auth/principal.js';
import type { Role } from '../../auth/roles.js';
import { apiKeyKey, memberEmailKey, memberKey, teamKey } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { type ConditionalWrite, type TransactItem, transactWrite } from '../../db/transact.js';
import { Conflict, NotFound, PreconditionFailed } from '../errors.js';
import { assertMayManage } from './rules.js';
import {
  apiKeyPut,
  emailLockPut,
  getMember,
  keysOfMemberAsCounted,
  type Member,
  memberPut,
  sameKeys,
  superAdminCountUpdate,
  T,
  toMember,
} from './store.js';

/** Teams and their members: create, change a role, remove; each with its audit events in one transaction. */

/**
 * Creates a team with its first super_admin member and API key (operator CLI and the local demo team).
 * Returns the key in clear: it is never readable again.
 */
export async function createTeam(name: string, email: string, actor: Actor = { email: 'system:cli', role: 'system' }) {
  const teamId = ulid();
  const memberId = ulid();
  const now = new Date().toISOString();
  const lower = email.toLowerCase();
  const key = generateApiKey();
  await retryOnConflict(() =>
    transactWrite([
      {
        item: {
          Put: {
            TableName: T(),
            Item: { ...teamKey(teamId), entity: 'team', id: teamId, name, createdAt: now, superAdminCount: 1 },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: () => new Conflict('Team already exists.'),
      },
      memberPut(teamId, { id: memberId, email: lower, role: 'super_admin', createdAt: now }, 1),
      emailLockPut(teamId, lower, memberId),
      apiKeyPut(teamId, key, { name: 'Initial key', memberId, email: lower, role: 'super_admin', createdAt: now }),
      auditPut(
        teamId,
        { actor, module: 'team', action: 'create', targetId: teamId, changes: { name: { before: null, after: name } } },
        now,
      ),
      auditPut(
        teamId,
        {
          actor,
          module: 'members',
          action: 'create',
          targetId: memberId,
          changes: { email: { before: null, after: lower }, role: { before: null, after: 'super_admin' } },
        },
        now,
      ),
    ]),
  );
  return { teamId, memberId, email: lower, apiKey: key.key };
}

export async function createMember(teamId: string, email: string, role: Role, actor: Actor): Promise<Member> {
  assertMayManage(actor, role);
  const m: Member = { id: ulid(), email: email.toLowerCase(), role, createdAt: new Date().toISOString() };
  await retryOnConflict(() =>
    transactWrite([
      { item: memberPut(teamId, m), onConditionFailed: () => new Conflict('Member could not be created.') },
      {
        item: emailLockPut(teamId, m.email, m.id),
        onConditionFailed: () => new Conflict(`A member with email ${m.email} already exists in this team.`),
      },
      ...(role === 'super_admin' ? [superAdminCountUpdate(teamId, +1)] : []),
      auditPut(
        teamId,
        {
          actor,
          module: 'members',
          action: 'create',
          targetId: m.id,
          changes: { email: { before: null, after: m.email }, role: { before: null, after: role } },
        },
        m.createdAt,
      ),
    ]),
  );
  return m;
}

/**
 * Changes a member's role and the role copied onto each of their API keys, in one transaction. `precondition`
 * (the caller's `If-Match`) is asked whether the member as read is the one the caller saw: `PreconditionFailed` if not.
 */
export async function changeMemberRole(
  teamId: string,
  memberId: string,
  role: Role,
  actor: Actor,
  precondition?: (current: Member) => boolean,
): Promise<Member> {
  const current = await getMember(teamId, memberId);
  if (precondition && !precondition(toMember(current))) throw new PreconditionFailed();
  assertMayManage(actor, current.role, role);
  if (current.role === role) return toMember(current);
  const keys = await keysOfMemberAsCounted(teamId, memberId, current.keyCount);
  const delta = role === 'super_admin' ? 1 : current.role === 'super_admin' ? -1 : 0;
  // The member's role or one of their keys changed since they were read.
  const changedMeanwhile = () => new Conflict('The member changed meanwhile; retry.');
  const items: (TransactItem | ConditionalWrite)[] = [
    {
      item: {
        Update: {
          TableName: T(),
          Key: memberKey(teamId, memberId),
          UpdateExpression: 'SET #r = :r',
          ConditionExpression: `#r = :old AND ${sameKeys(current.keysVersion).expression}`,
          ExpressionAttributeNames: { '#r': 'role' },
          ExpressionAttributeValues: { ':r': role, ':old': current.role, ...sameKeys(current.keysVersion).values },
        },
      },
      onConditionFailed: changedMeanwhile,
    },
    ...keys.map(
      (k): ConditionalWrite => ({
        item: {
          Update: {
            TableName: T(),
            Key: apiKeyKey(k.id),
            UpdateExpression: 'SET #r = :r',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#r': 'role' },
            ExpressionAttributeValues: { ':r': role },
          },
        },
        onConditionFailed: changedMeanwhile,
      }),
    ),
    ...(delta ? [superAdminCountUpdate(teamId, delta as 1 | -1)] : []),
    auditPut(teamId, {
      actor,
      module: 'members',
      action: 'update',
      targetId: memberId,
      changes: { role: { before: current.role, after: role } },
    }),
  ];
  await retryOnConflict(() => transactWrite(items));
  return { ...toMember(current), role };
}

/** Removes a member, their email lock and every key they hold: their keys answer 401 from this moment. */
export async function deleteMember(teamId: string, memberId: string, actor: Actor): Promise<void> {
  const current = await getMember(teamId, memberId);
  assertMayManage(actor, current.role);
  const keys = await keysOfMemberAsCounted(teamId, memberId, current.keyCount);
  const items: (TransactItem | ConditionalWrite)[] = [
    {
      item: {
        Delete: {
          TableName: T(),
          Key: memberKey(teamId, memberId),
          ConditionExpression: `attribute_exists(PK) AND ${sameKeys(current.keysVersion).expression}`,
          ExpressionAttributeValues: sameKeys(current.keysVersion).values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      onConditionFailed: (old) => (old ? new Conflict('The member got or lost an API key meanwhile; retry.') : new NotFound('Member')),
    },
    { Delete: { TableName: T(), Key: memberEmailKey(teamId, current.email) } },
    ...keys.map((k): TransactItem => ({ Delete: { TableName: T(), Key: apiKeyKey(k.id) } })),
    ...(current.role === 'super_admin' ? [superAdminCountUpdate(teamId, -1)] : []),
    auditPut(teamId, {
      actor,
      module: 'members',
      action: 'delete',
      targetId: memberId,
      changes: { email: { before: current.email, after: null }, role: { before: current.role, after: null } },
    }),
  ];
  await retryOnConflict(() => transactWrite(items));
}
