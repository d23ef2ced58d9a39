/**
 * The single table's physical shape, read by the CDK stack and by the local runtime's CreateTable so the
 * two never drift. Access patterns are listed in README.md ("Single-table design").
 */
export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

/** Global secondary indexes: each has `<name>PK` / `<name>SK` string keys and projects all attributes. */
export const GSIS = ['GSI1', 'GSI2', 'GSI3'] as const;
export type GsiName = (typeof GSIS)[number];

/** DynamoDB TTL attribute (epoch seconds). Also used by Powertools idempotency records. */
export const TTL_ATTRIBUTE = 'ttl';
