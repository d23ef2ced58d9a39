import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ROUTES } from '../functions/routes.js';
import { BotopsApi } from './constructs/api.js';
import { AuditExport } from './constructs/audit-export.js';
import { BotopsTable } from './constructs/table.js';

/** Context flag (`cdk deploy -c destroyable=true`) that lets `cdk destroy` remove the table and log groups. */
export const DESTROYABLE_CONTEXT = 'destroyable';

/**
 * botops in one stack: the single table and the HTTP API with one function per route. Further concerns
 * (schedules, event bus, audit export) are added here as one construct each, handed the table.
 *
 * Data survives the stack by default (RETAIN); with the context flag `destroyable=true` the table and the log
 * groups are deleted with it, for throw-away dev stacks.
 *
 * Outputs: `ApiUrl` (the stage's invoke URL), `TableName` and `ExportBucketName`.
 */
export class BotopsStack extends Stack {
  readonly table: BotopsTable;
  readonly api: BotopsApi;
  readonly auditExport: AuditExport;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const destroyable = String(this.node.tryGetContext(DESTROYABLE_CONTEXT)) === 'true';
    const removalPolicy = destroyable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.table = new BotopsTable(this, 'Table', { removalPolicy });
    this.api = new BotopsApi(this, 'Api', { table: this.table, routes: ROUTES, logRemovalPolicy: removalPolicy });

    // Issue 7: audit CSV export (bucket, exporter function, grants of the two export routes)
    this.auditExport = new AuditExport(this, 'AuditExport', {
      table: this.table,
      requestFunction: this.api.functions.get('createAuditExport')!,
      statusFunction: this.api.functions.get('getAuditExport')!,
      removalPolicy,
    });
    new CfnOutput(this, 'ExportBucketName', { value: this.auditExport.bucket.bucketName, description: 'Audit CSV exports (expire after 7 days)' });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the botops HTTP API' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The single DynamoDB table' });
  }
}
