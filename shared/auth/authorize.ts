import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../db/client.js';
import { apiKeyKey } from '../db/keys.js';
import type { StoredApiKey } from '../domain/team/store.js';
import { logger } from '../logger.js';
import { bearerToken, parseApiKey, secretMatches } from './api-keys.js';
import type { Principal } from './principal.js';

/** `lastUsedAt` is refreshed at most this often, so the authorizer's steady state is one GetItem. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Resolves `Authorization: Bearer bo_<keyId>_<secret>` to the key's team, member, email and role with one
 * GetItem, comparing the secret's SHA-256 in constant time. Undefined for a missing, malformed, unknown or
 * revoked key. The key itself is never logged; only its id is.
 */
export async function resolvePrincipal(authorization: string | undefined, now = Date.now()): Promise<Principal | undefined> {
  const parsed = parseApiKey(bearerToken(authorization) ?? '');
  if (!parsed) return undefined;
  const res = await doc.send(new GetCommand({ TableName: tableName(), Key: apiKeyKey(parsed.keyId) }));
  const key = res.Item as StoredApiKey | undefined;
  if (!key || !secretMatches(parsed.secret, key.secretHash)) return undefined;
  if (!key.lastUsedAt || now - Date.parse(key.lastUsedAt) > LAST_USED_PRECISION_MS) {
    await doc
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: apiKeyKey(key.id),
          UpdateExpression: 'SET lastUsedAt = :t',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':t': new Date(now).toISOString() },
        }),
      )
      .catch((error: Error) => logger.warn('lastUsedAt not updated', { keyId: key.id, error: error.name }));
  }
  return { teamId: key.teamId, memberId: key.memberId, email: key.email, role: key.role, keyId: key.id };
}
