import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/db/table.js';

export interface BotopsTableProps {
  /**
   * What CloudFormation does with the table (and its data) when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The single DynamoDB table every handler reads and writes.
 *
 * Shape (from `shared/db/table.ts`, which the local runtime's CreateTable reads too, so the two cannot drift):
 * string keys `PK` / `SK`; global secondary indexes `GSI1`..`GSI5` (`GSIS`), each keyed `<name>PK` / `<name>SK` (strings)
 * and projecting all attributes; TTL on the `ttl` attribute (epoch seconds, used by expiring records such as
 * Powertools idempotency entries).
 *
 * Fixed settings: on-demand billing, point-in-time recovery, encryption at rest with the AWS managed key, and
 * RETAIN unless told otherwise, because the table holds every team's data.
 * Grants are not made here: each function gets partition-scoped statements from its declared needs
 * (`table-access.ts`).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-general-nosql-design.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html
 */
export class BotopsTable extends Table {
  constructor(scope: Construct, id: string, props: BotopsTableProps = {}) {
    super(scope, id, {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const name of GSIS) {
      this.addGlobalSecondaryIndex({
        indexName: name,
        partitionKey: { name: `${name}PK`, type: AttributeType.STRING },
        sortKey: { name: `${name}SK`, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
