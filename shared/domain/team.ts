import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut } from '../audit/audit.js';
import { generateApiKey } from '../auth/api-keys.js';
import type { Actor } from '../auth/principal.js';
import type { Role } from '../auth/roles.js';
import { doc, tableName } from '../db/client.js';
import { decodeCursor, encodeCursor } from '../db/cursor.js';
import { prefixPage } from '../db/prefix-page.js';
import { apiKeyIndex, apiKeyKey, apiKeyListPartition, memberEmailKey, memberKey, memberPrefix, teamKey } from '../db/keys.js';
import { retryOnConflict } from '../db/retry.js';
import { type ConditionalWrite, type TransactItem, transactWrite } from '../db/transact.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed } from './errors.js';

/** Teams, their members and their API keys (spec: "Team, members, API keys"). */
export type Team = { id: string; name: string; createdAt: string };
export type Member = { id: string; email: string; role: Role; createdAt: string };
export type ApiKeyInfo = { id: string; name: string; prefix: string; memberId: string; createdAt: string; lastUsedAt: string | null };

/**
 * What the authorizer reads with one GetItem: the key item carries a copy of its member's team, email and
 * role, kept in step by every member change (same transaction), so a role change or a removal applies at once.
 */
export type StoredApiKey = ApiKeyInfo & { teamId: string; email: string; role: Role; secretHash: string };

/** A member may hold at most this many API keys, so a member change fits in one transaction (limit 100). */
export const MAX_KEYS_PER_MEMBER = 20;

const T = () => tableName();

export async function getTeam(teamId: string): Promise<Team> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: teamKey(teamId) }));
  if (!res.Item) throw new NotFound('Team');
  return { id: res.Item.id, name: res.Item.name, createdAt: res.Item.createdAt };
}

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

function memberPut(teamId: string, m: Member, keyCount = 0): TransactItem {
  return {
    Put: {
      TableName: T(),
      Item: { ...memberKey(teamId, m.id), entity: 'member', teamId, ...m, keyCount },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
function emailLockPut(teamId: string, email: string, memberId: string): TransactItem {
  return {
    Put: {
      TableName: T(),
      Item: { ...memberEmailKey(teamId, email), entity: 'memberEmail', memberId },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
function apiKeyPut(
  teamId: string,
  key: ReturnType<typeof generateApiKey>,
  m: { name: string; memberId: string; email: string; role: Role; createdAt: string },
): TransactItem {
  const item: StoredApiKey = {
    id: key.keyId,
    name: m.name,
    prefix: key.prefix,
    memberId: m.memberId,
    createdAt: m.createdAt,
    lastUsedAt: null,
    teamId,
    email: m.email,
    role: m.role,
    secretHash: key.secretHash,
  };
  return {
    Put: {
      TableName: T(),
      Item: { ...apiKeyKey(key.keyId), ...apiKeyIndex(teamId, key.keyId), entity: 'apiKey', ...item },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

const toMember = (i: Record<string, unknown>): Member => ({
  id: i.id as string,
  email: i.email as string,
  role: i.role as Role,
  createdAt: i.createdAt as string,
});
const toKeyInfo = (i: Record<string, unknown>): ApiKeyInfo => ({
  id: i.id as string,
  name: i.name as string,
  prefix: i.prefix as string,
  memberId: i.memberId as string,
  createdAt: i.createdAt as string,
  lastUsedAt: (i.lastUsedAt as string | null) ?? null,
});

/**
 * A member with `keyCount` (keys held) and `keysVersion` (+1 at every key created or revoked): a role change or
 * a removal conditions its write on the `keysVersion` it read, so a key minted meanwhile cannot keep the old
 * role or outlive its member.
 */
export async function getMember(teamId: string, memberId: string): Promise<Member & { keyCount: number; keysVersion: number }> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: memberKey(teamId, memberId), ConsistentRead: true }));
  if (!res.Item) throw new NotFound('Member');
  return { ...toMember(res.Item), keyCount: (res.Item.keyCount as number) ?? 0, keysVersion: (res.Item.keysVersion as number) ?? 0 };
}

/** The condition that the member's keys are the ones read (`keysVersion` unchanged). */
const sameKeys = (keysVersion: number) =>
  keysVersion === 0
    ? { expression: '(attribute_not_exists(keysVersion) OR keysVersion = :kv)', values: { ':kv': 0 } }
    : { expression: 'keysVersion = :kv', values: { ':kv': keysVersion } };

export async function listMembers(teamId: string, limit: number, cursor?: string) {
  return prefixPage(memberPrefix(teamId), limit, cursor, toMember);
}

/** Only a super_admin may create, change or remove a super_admin (spec, Roles). */
function assertMayManage(actor: Actor, ...roles: Role[]) {
  if (roles.includes('super_admin') && actor.role !== 'super_admin')
    throw new Forbidden('Only a super_admin may grant, change or remove the super_admin role.');
}

/**
 * A key acts, and is audited, as its member: a caller mints keys for themselves, or for a member whose role is
 * strictly below their own (an admin for members, a super_admin for admins and members), never for a peer.
 */
function assertMayMintFor(actor: Actor, member: Member) {
  if (member.email === actor.email.toLowerCase()) return;
  if (roleRank(actor.role) <= roleRank(member.role))
    throw new Forbidden(`An API key for another member needs a role above theirs (${member.role}); they can create their own.`);
}
const roleRank = (role: string) => (role === 'super_admin' ? 3 : role === 'admin' ? 2 : role === 'member' ? 1 : 0);

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

/** Keeps the team's super_admin count; removing the last one fails its condition (`Conflict`: promote another first). */
function superAdminCountUpdate(teamId: string, delta: 1 | -1): TransactItem | ConditionalWrite {
  const key = { TableName: T(), Key: teamKey(teamId), UpdateExpression: 'ADD superAdminCount :d' };
  if (delta > 0) return { Update: { ...key, ExpressionAttributeValues: { ':d': delta } } };
  return {
    item: { Update: { ...key, ConditionExpression: 'superAdminCount > :one', ExpressionAttributeValues: { ':d': delta, ':one': 1 } } },
    onConditionFailed: lastSuperAdmin,
  };
}

async function keysOfMember(teamId: string, memberId: string): Promise<StoredApiKey[]> {
  const res = await doc.send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      FilterExpression: 'memberId = :m',
      ExpressionAttributeValues: { ':pk': apiKeyListPartition(teamId), ':m': memberId },
    }),
  );
  return (res.Items ?? []) as StoredApiKey[];
}

const lastSuperAdmin = () => new Conflict("This is the team's last super_admin: promote another member first.");

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
  const keys = await keysOfMember(teamId, memberId);
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
  const keys = await keysOfMember(teamId, memberId);
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

export async function listApiKeys(teamId: string, limit: number, cursor?: string) {
  const pk = apiKeyListPartition(teamId);
  const res = await doc.send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: { GSI1PK: pk }, sortAttrs: ['GSI1SK'] }),
    }),
  );
  return { items: (res.Items ?? []).map(toKeyInfo), nextCursor: encodeCursor(res.LastEvaluatedKey as Record<string, string>) };
}

/** Issues a key for `memberId` (default: the caller). The clear key is in the result and nowhere else. */
export async function createApiKey(teamId: string, name: string, memberId: string, actor: Actor) {
  const member = await getMember(teamId, memberId);
  assertMayManage(actor, member.role);
  assertMayMintFor(actor, member);
  const key = generateApiKey();
  const now = new Date().toISOString();
  await retryOnConflict(() =>
    transactWrite([
      {
        item: apiKeyPut(teamId, key, { name, memberId, email: member.email, role: member.role, createdAt: now }),
        onConditionFailed: () => new Conflict('Key could not be created.'),
      },
      {
        item: {
          Update: {
            TableName: T(),
            Key: memberKey(teamId, memberId),
            UpdateExpression: 'ADD keyCount :one, keysVersion :one',
            // The key copies the member's role: it must still be the role read.
            ConditionExpression: 'attribute_exists(PK) AND #r = :role AND (attribute_not_exists(keyCount) OR keyCount < :max)',
            ExpressionAttributeNames: { '#r': 'role' },
            ExpressionAttributeValues: { ':one': 1, ':max': MAX_KEYS_PER_MEMBER, ':role': member.role },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        onConditionFailed: (old) => {
          if (!old) return new NotFound('Member');
          if (old.role !== member.role) return new Conflict("The member's role changed meanwhile; retry.");
          return new Conflict(`A member holds at most ${MAX_KEYS_PER_MEMBER} API keys; revoke one first.`);
        },
      },
      auditPut(
        teamId,
        {
          actor,
          module: 'api_keys',
          action: 'create',
          targetId: key.keyId,
          changes: { name: { before: null, after: name }, memberId: { before: null, after: memberId } },
        },
        now,
      ),
    ]),
  );
  return { id: key.keyId, name, prefix: key.prefix, memberId, createdAt: now, key: key.key };
}

/** Revokes a key: deleted, so the authorizer's GetItem finds nothing and the next request answers 401. */
export async function deleteApiKey(teamId: string, keyId: string, actor: Actor): Promise<void> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: apiKeyKey(keyId) }));
  const key = res.Item as StoredApiKey | undefined;
  if (!key || key.teamId !== teamId) throw new NotFound('API key');
  assertMayManage(actor, key.role);
  // Revoked meanwhile, by another request or with its member.
  const gone = () => new NotFound('API key');
  await retryOnConflict(() =>
    transactWrite([
      {
        item: { Delete: { TableName: T(), Key: apiKeyKey(keyId), ConditionExpression: 'attribute_exists(PK)' } },
        onConditionFailed: gone,
      },
      {
        item: {
          Update: {
            TableName: T(),
            Key: memberKey(teamId, key.memberId),
            UpdateExpression: 'ADD keyCount :m, keysVersion :one',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':m': -1, ':one': 1 },
          },
        },
        onConditionFailed: gone,
      },
      auditPut(teamId, {
        actor,
        module: 'api_keys',
        action: 'delete',
        targetId: keyId,
        changes: { name: { before: key.name, after: null } },
      }),
    ]),
  );
}
