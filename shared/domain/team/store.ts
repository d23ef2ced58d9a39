import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { generateApiKey } from '../../auth/api-keys.js';
import type { Role } from '../../auth/roles.js';
import { doc, tableName } from '../../db/client.js';
import { prefixPage } from '../../db/prefix-page.js';
import { apiKeyIndex, apiKeyKey, apiKeyListPartition, memberEmailKey, memberKey, memberPrefix, teamKey } from '../../db/keys.js';
import type { ConditionalWrite, TransactItem } from '../../db/transact.js';
import { Conflict, NotFound } from '../errors.js';

/** Teams, their members and their API keys ("Team, members, API keys"). */
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

export const T = () => tableName();

export async function getTeam(teamId: string): Promise<Team> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: teamKey(teamId) }));
  if (!res.Item) throw new NotFound('Team');
  return { id: res.Item.id, name: res.Item.name, createdAt: res.Item.createdAt };
}

export function memberPut(teamId: string, m: Member, keyCount = 0): TransactItem {
  return {
    Put: {
      TableName: T(),
      Item: { ...memberKey(teamId, m.id), entity: 'member', teamId, ...m, keyCount },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
export function emailLockPut(teamId: string, email: string, memberId: string): TransactItem {
  return {
    Put: {
      TableName: T(),
      Item: { ...memberEmailKey(teamId, email), entity: 'memberEmail', memberId },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
export function apiKeyPut(
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

export const toMember = (i: Record<string, unknown>): Member => ({
  id: i.id as string,
  email: i.email as string,
  role: i.role as Role,
  createdAt: i.createdAt as string,
});
export const toKeyInfo = (i: Record<string, unknown>): ApiKeyInfo => ({
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
export const sameKeys = (keysVersion: number) =>
  keysVersion === 0
    ? { expression: '(attribute_not_exists(keysVersion) OR keysVersion = :kv)', values: { ':kv': 0 } }
    : { expression: 'keysVersion = :kv', values: { ':kv': keysVersion } };

export async function listMembers(teamId: string, limit: number, cursor?: string) {
  return prefixPage(memberPrefix(teamId), limit, cursor, toMember);
}

/** Keeps the team's super_admin count; removing the last one fails its condition (`Conflict`: promote another first). */
export function superAdminCountUpdate(teamId: string, delta: 1 | -1): TransactItem | ConditionalWrite {
  const key = { TableName: T(), Key: teamKey(teamId), UpdateExpression: 'ADD superAdminCount :d' };
  if (delta > 0) return { Update: { ...key, ExpressionAttributeValues: { ':d': delta } } };
  return {
    item: { Update: { ...key, ConditionExpression: 'superAdminCount > :one', ExpressionAttributeValues: { ':d': delta, ':one': 1 } } },
    onConditionFailed: lastSuperAdmin,
  };
}

export async function keysOfMember(teamId: string, memberId: string): Promise<StoredApiKey[]> {
  const keys: StoredApiKey[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await doc.send(
      new QueryCommand({
        TableName: T(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: 'memberId = :m',
        ExpressionAttributeValues: { ':pk': apiKeyListPartition(teamId), ':m': memberId },
        ExclusiveStartKey: start,
      }),
    );
    keys.push(...((res.Items ?? []) as StoredApiKey[]));
    start = res.LastEvaluatedKey;
  } while (start);
  return keys;
}

/**
 * Every key of a member whose `keyCount` was read as `expected`. The key index (GSI1) is eventually consistent: a
 * key created just before the member was read may not be listed yet, and a role change or removal that missed it
 * would leave it with the old role. Reads again (up to 5 times, 50 ms apart) until the index lists `expected` keys.
 * @throws Conflict when the index still disagrees (the caller retries the request).
 */
export async function keysOfMemberAsCounted(teamId: string, memberId: string, expected: number): Promise<StoredApiKey[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const keys = await keysOfMember(teamId, memberId);
    if (keys.length === expected) return keys;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Conflict("The member's API keys changed meanwhile; retry.");
}

export const lastSuperAdmin = () => new Conflict("This is the team's last super_admin: promote another member first.");
