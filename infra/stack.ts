import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type Operation, ROUTES } from '../functions/routes.js';
import { BotopsApi } from './constructs/api.js';
import { BotopsCalls } from './constructs/calls.js';
import { ConnectorHealthCheck } from './constructs/health-check.js';
import { BotDataPurge } from './constructs/bot-data-purge.js';
import { ContactTimers } from './constructs/contact-timers.js';
import { AuditExport } from './constructs/audit-export.js';
import { BotopsTable } from './constructs/table.js';
import { WidgetSessionSecret } from './constructs/widget.js';

/** Context flag (`cdk deploy -c destroyable=true`) that lets `cdk destroy` remove the table and log groups. */
export const DESTROYABLE_CONTEXT = 'destroyable';

/** Routes that set or delete contact reactivation timers (issue 4): the only functions allowed to touch schedules. */
export const CONTACT_TIMER_OPERATIONS = ['putContactBotStatus', 'postContactMessage'] as const satisfies readonly Operation[];

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
  readonly widgetSecret: WidgetSessionSecret;
  readonly calls: BotopsCalls;
  readonly healthCheck: ConnectorHealthCheck;
  /** issue 3: the background purge behind bot reset and delete. */
  readonly botDataPurge: BotDataPurge;
  readonly contactTimers: ContactTimers;
  readonly auditExport: AuditExport;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const destroyable = String(this.node.tryGetContext(DESTROYABLE_CONTEXT)) === 'true';
    const removalPolicy = destroyable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.table = new BotopsTable(this, 'Table', { removalPolicy });
    // Web widget (issue 8): only the session route may read the session signing secret.
    this.widgetSecret = new WidgetSessionSecret(this, 'WidgetSessions');
    this.api = new BotopsApi(this, 'Api', {
      table: this.table,
      routes: ROUTES,
      logRemovalPolicy: removalPolicy,
      functionOptions: { createWidgetSession: this.widgetSecret.sessionFunctionOptions },
    });
    this.widgetSecret.grantRead(this.api.functions.get('createWidgetSession')!);
    // Dialout events, outbox relay, post-call push queue + DLQ, signing-secret fence (issue 5)
    this.calls = new BotopsCalls(this, 'Calls', { table: this.table, routeFunctions: this.api.functions, logRemovalPolicy: removalPolicy });
    this.healthCheck = new ConnectorHealthCheck(this, 'ConnectorHealthCheck', { table: this.table, logRemovalPolicy: removalPolicy });

    // issue 3: reset and delete make a bot's data unreachable at once and hand its removal to this job
    this.botDataPurge = new BotDataPurge(this, 'BotDataPurge', { table: this.table, logRemovalPolicy: removalPolicy });
    for (const operation of ['resetBot', 'deleteBot']) this.botDataPurge.grantStart(this.api.functions.get(operation)!);

    this.contactTimers = new ContactTimers(this, 'ContactTimers', { table: this.table, removalPolicy });
    for (const operation of CONTACT_TIMER_OPERATIONS) this.contactTimers.allowScheduling(this.api.functions.get(operation)!);

    // Issue 7: audit CSV export (bucket, exporter function, grants of the two export routes)
    this.auditExport = new AuditExport(this, 'AuditExport', {
      table: this.table,
      requestFunction: this.api.functions.get('createAuditExport')!,
      statusFunction: this.api.functions.get('getAuditExport')!,
      removalPolicy,
    });
    new CfnOutput(this, 'ExportBucketName', {
      value: this.auditExport.bucket.bucketName,
      description: 'Audit CSV exports (expire after 7 days)',
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the botops HTTP API' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The single DynamoDB table' });
  }
}
