/**
 * The single table's physical shape, read by the CDK stack and by the local runtime's CreateTable so the
 * two never drift. Access patterns are listed in README.md ("Single-table design").
 */
export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

/**
 * Global secondary indexes: each has `<name>PK` / `<name>SK` string keys and projects all attributes.
 * GSI4 (audit action) and GSI5 (audit module+action) serve the audit filters and export. CloudFormation
 * creates at most one GSI per table update: a stack deployed with fewer indexes needs one deploy per new index.
 */
export const GSIS = ['GSI1', 'GSI2', 'GSI3', 'GSI4', 'GSI5'] as const;
export type GsiName = (typeof GSIS)[number];

/** DynamoDB TTL attribute (epoch seconds). Also used by Powertools idempotency records. */
export const TTL_ATTRIBUTE = 'ttl';
