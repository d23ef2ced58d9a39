import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Capability } from './route-needs.js';
import { ROUTES } from '../functions/routes.js';
import type { RouteDef } from '../shared/http/route.js';
import { BotopsApi } from './constructs/api.js';
import { AuditExport } from './constructs/audit-export.js';
import { BotDataPurge } from './constructs/bot-data-purge.js';
import type { CapabilityGrant, FunctionResources } from './constructs/botops-function.js';
import { BotopsCalls } from './constructs/calls.js';
import { CampaignDialling } from './constructs/campaign-dialling.js';
import { ConsoleHostingStack } from './constructs/console-hosting.js';
import { ContactTimers } from './constructs/contact-timers.js';
import { ConnectorHealthCheck } from './constructs/health-check.js';
import { AlarmTopic, Monitoring } from './constructs/monitoring.js';
import { BotopsTable } from './constructs/table.js';
import { WidgetSessionSecret } from './constructs/widget.js';

/** Context flag (`cdk deploy -c destroyable=true`) that lets `cdk destroy` remove the table, buckets and log groups. */
export const DESTROYABLE_CONTEXT = 'destroyable';

export interface BotopsStackProps extends StackProps {
  /** E-mail address subscribed to the alarm topic (it must confirm the subscription). @default no subscription */
  readonly alarmEmail?: string;
  /** Directory of the built console. @default `console/dist` when built, else a placeholder page */
  readonly consoleDir?: string;
  /** The route table the API serves. @default ROUTES of `functions/routes.ts` */
  readonly routes?: readonly RouteDef[];
  /**
   * Seconds after its bot's max call duration before the watchdog ends an unended call `failed` / `timeout`.
   * @default 300
   */
  readonly callWatchdogGraceSeconds?: number;
}

/**
 * botops: this parent stack holds the stateful resources (the table, the export buckets, the event bus, the
 * queues, the schedule group, the widget secret) at construct paths that never move, so their logical ids never
 * change, plus the HTTP API, the authorizer, the background jobs and the monitoring. The route functions live in
 * nested stacks, one per route `tag`, made by looping over the route table; the console hosting in one more.
 * Every function's permissions derive from `infra/route-needs.ts`: the stack serves each declared capability
 * from {@link BotopsStack.capabilities}.
 *
 * Data survives the stack by default (RETAIN); with the context flag `destroyable=true` the table, buckets and log
 * groups are deleted with it, for throw-away dev stacks.
 *
 * Outputs: `ApiUrl` (the stage's invoke URL), `ConsoleUrl`, `TableName`, `ExportBucketName`, `AlarmTopicArn`,
 * `DashboardName`.
 */
export class BotopsStack extends Stack {
  readonly table: BotopsTable;
  readonly widgetSecret: WidgetSessionSecret;
  readonly calls: BotopsCalls;
  readonly campaignDialling: CampaignDialling;
  readonly botDataPurge: BotDataPurge;
  readonly contactTimers: ContactTimers;
  readonly auditExport: AuditExport;
  readonly healthCheck: ConnectorHealthCheck;
  readonly alarmTopic: AlarmTopic;
  readonly api: BotopsApi;
  readonly monitoring: Monitoring;
  readonly console: ConsoleHostingStack;
  /** How each capability a function may declare is served. */
  readonly capabilities: Readonly<Partial<Record<Capability, CapabilityGrant>>>;

  constructor(scope: Construct, id: string, props: BotopsStackProps = {}) {
    super(scope, id, props);
    const destroyable = String(this.node.tryGetContext(DESTROYABLE_CONTEXT)) === 'true';
    const removalPolicy = destroyable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    // Stateful resources and the jobs that own them. Their construct ids are part of their logical ids: keep them.
    this.table = new BotopsTable(this, 'Table', { removalPolicy });
    this.widgetSecret = new WidgetSessionSecret(this, 'WidgetSessions');
    this.calls = new BotopsCalls(this, 'Calls', { table: this.table, logRemovalPolicy: removalPolicy });
    this.campaignDialling = new CampaignDialling(this, 'CampaignDialling', {
      table: this.table,
      publishCapability: this.calls.publishCapability,
      logRemovalPolicy: removalPolicy,
      ...(props.callWatchdogGraceSeconds !== undefined ? { callWatchdogGraceSeconds: props.callWatchdogGraceSeconds } : {}),
    });
    this.botDataPurge = new BotDataPurge(this, 'BotDataPurge', { table: this.table, logRemovalPolicy: removalPolicy });
    this.contactTimers = new ContactTimers(this, 'ContactTimers', { table: this.table, removalPolicy });
    this.auditExport = new AuditExport(this, 'AuditExport', { table: this.table, removalPolicy });
    this.healthCheck = new ConnectorHealthCheck(this, 'ConnectorHealthCheck', { table: this.table, logRemovalPolicy: removalPolicy });

    this.capabilities = {
      contactTimers: this.contactTimers.schedulingCapability,
      botDataPurge: this.botDataPurge.startCapability,
      eventBus: this.calls.publishCapability,
      dialoutRateLimit: this.calls.dialoutRateLimitCapability,
      campaignDispatch: this.campaignDialling.dispatchCapability,
      callWatchdogGrace: this.campaignDialling.graceCapability,
      auditExportStart: this.auditExport.startCapability,
      auditExportDownload: this.auditExport.downloadCapability,
      widgetSessionSecret: this.widgetSecret.readCapability,
      // auditExportWrite and pushQueue belong to one job each and are served inside its construct: a route
      // declaring them fails the synth.
    };
    const resources: FunctionResources = { table: this.table, capabilities: this.capabilities };

    this.alarmTopic = new AlarmTopic(this, 'AlarmTopic', { email: props.alarmEmail ?? this.node.tryGetContext('alarmEmail') });
    this.api = new BotopsApi(this, 'Api', {
      routes: props.routes ?? ROUTES,
      resources,
      logRemovalPolicy: removalPolicy,
      alarmTopic: this.alarmTopic,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      topic: this.alarmTopic,
      httpApi: this.api.httpApi,
      table: this.table,
      functionGroups: {
        Authorizer: [this.api.authorizerFunction],
        CampaignDialling: [this.campaignDialling.dispatcher, this.campaignDialling.watchdog],
        Jobs: [
          this.calls.relayFunction,
          this.calls.pushFunction,
          this.botDataPurge.function,
          this.contactTimers.reactivateFunction,
          this.auditExport.exporter,
        ],
      },
      otherAlarms: [...this.api.groups.values()].flatMap((g) => [...g.alarms.errors, ...g.alarms.throttles]),
      healthCheckFunction: this.healthCheck.function,
      reactivateFunction: this.contactTimers.reactivateFunction,
      scheduleGroup: this.contactTimers.group,
      dialoutFunction: this.api.functions.get('dialout'),
      auditExportFailureMetric: this.auditExport.failureMetricName,
    });

    this.console = new ConsoleHostingStack(this, 'ConsoleHosting', {
      httpApi: this.api.httpApi,
      removalPolicy,
      ...(props.consoleDir ? { consoleDir: props.consoleDir } : {}),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the botops HTTP API' });
    new CfnOutput(this, 'ConsoleUrl', { value: this.console.url, description: 'The web console (and the API under /api)' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The single DynamoDB table' });
    new CfnOutput(this, 'ExportBucketName', {
      value: this.auditExport.bucket.bucketName,
      description: 'Audit CSV exports (expire after 7 days)',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn, description: 'SNS topic of every alarm' });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName, description: 'CloudWatch dashboard' });
  }
}
