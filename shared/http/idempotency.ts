import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamo, tableName } from '../db/client.js';
import { IDEMPOTENCY_PARTITION } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table.js';

let store: DynamoDBPersistenceLayer | undefined;

/**
 * Powertools idempotency records live in the single table under `PK = IDEMPOTENCY`, `SK = <operation>#<hash>`,
 * expiring through the table's TTL attribute. Created on first use so the table name can be set late (tests).
 */
export function idempotencyStore(): DynamoDBPersistenceLayer {
  store ??= new DynamoDBPersistenceLayer({
    tableName: tableName(),
    keyAttr: 'PK',
    sortKeyAttr: 'SK',
    staticPkValue: IDEMPOTENCY_PARTITION,
    expiryAttr: TTL_ATTRIBUTE,
    awsSdkV3Client: dynamo,
  });
  return store;
}
