import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type FunctionNeeds, READ_ACTIONS, WRITE_ACTIONS, leadingKeysOf } from '../route-needs.js';
import { GSIS } from '../../shared/db/table.js';

/**
 * The IAM statements of a function's table access (`needs.table`), least privilege by partition:
 *
 * - `TableRead`: GetItem, BatchGetItem, Query, ConditionCheckItem (or `readActions`) on the table and each of its
 *   global secondary indexes by name, only where every leading key of the request matches a read or write pattern;
 * - `TableWrite`: PutItem, UpdateItem, DeleteItem, BatchWriteItem (or `writeActions`) on the table, only where every
 *   leading key matches a write pattern. `TransactWriteItems` has no action of its own: each contained item is
 *   authorised as its Put, Update, Delete or ConditionCheck.
 *
 * `dynamodb:LeadingKeys` is the request's partition key values (of the index, for a Query on an index), so
 * `ForAllValues:StringLike` holds only when each of them matches a pattern. No statement grants Scan or
 * DescribeTable, which have no leading keys. Nothing at all without `needs.table`.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
 */
export function tableStatements(table: ITable, needs: FunctionNeeds): PolicyStatement[] {
  if (!needs.table) return [];
  const keys = leadingKeysOf(needs);
  const statements: PolicyStatement[] = [];
  if (keys.read.length) {
    statements.push(
      new PolicyStatement({
        sid: 'TableRead',
        actions: (needs.table.readActions ?? READ_ACTIONS).map((a) => `dynamodb:${a}`),
        resources: [table.tableArn, ...GSIS.map((index) => `${table.tableArn}/index/${index}`)],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys.read } },
      }),
    );
  }
  if (keys.write.length) {
    statements.push(
      new PolicyStatement({
        sid: 'TableWrite',
        actions: (needs.table.writeActions ?? WRITE_ACTIONS).map((a) => `dynamodb:${a}`),
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys.write } },
      }),
    );
  }
  return statements;
}

/** Adds {@link tableStatements} to `grantee`'s policy. */
export function grantTableAccess(grantee: IGrantable, table: ITable, needs: FunctionNeeds): void {
  for (const statement of tableStatements(table, needs)) grantee.grantPrincipal.addToPrincipalPolicy(statement);
}
