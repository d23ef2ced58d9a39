import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import { generateApiKey } from '../../auth/api-keys.js';
import type { Actor } from '../../auth/principal.js';
import { doc } from '../../db/client.js';
import { decodeCursor, encodeCursor } from '../../db/cursor.js';
import { apiKeyKey, apiKeyListPartition, memberKey } from '../../db/keys.js';
import { retryOnConflict, WriteConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { Conflict, NotFound } from '../errors.js';
import { assertMayManage, assertMayMintFor } from './rules.js';
import { apiKeyPut, getMember, MAX_KEYS_PER_MEMBER, type StoredApiKey, T, toKeyInfo } from './store.js';

/** A team's API keys: list (never the secret), create (the key shown once), revoke. */

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

/**
 * Issues a key for `memberId` (default: the caller). The clear key is in the result and nowhere else. The key copies
 * the member's role; a role change that lands between the read and the write makes the whole step run again with the
 * new role (and the role checks on it), so a key is never minted with a role its member no longer has.
 */
export async function createApiKey(teamId: string, name: string, memberId: string, actor: Actor) {
  const key = generateApiKey();
  const now = new Date().toISOString();
  await retryOnConflict(async () => {
    const member = await getMember(teamId, memberId);
    assertMayManage(actor, member.role);
    assertMayMintFor(actor, member);
    await transactWrite([
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
          if (old.role !== member.role) return new WriteConflict("The member's role changed meanwhile; retry.");
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
    ]);
  });
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
