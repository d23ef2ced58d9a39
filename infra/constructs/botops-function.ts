import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type ParamsAndSecretsLayerVersion, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** The checkout's root: entries, the lock file and esbuild's working directory are resolved from here, not cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Service name every function's Powertools logger reports (matches `shared/logger.ts`). */
export const SERVICE_NAME = 'botops';

export interface BotopsFunctionProps {
  /** Handler module under `functions/`, without extension, exporting `handler` (a `ROUTES` row's `handler`), e.g. `bots/get`. */
  readonly module: string;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** Extra environment variables, merged over the defaults. */
  readonly environment?: Record<string, string>;
  readonly description?: string;
  /**
   * What happens to the function's log group when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * A log group shared with other functions (the API's route functions share one: Lambda names each log stream
   * after its function, and a log group per route would cost one of CloudFormation's 500 resources per route).
   * @default a log group of its own
   */
  readonly logGroup?: LogGroup;
  /**
   * The AWS Parameters and Secrets Lambda Extension, for functions that read a secret (the widget session route).
   * @default none
   */
  readonly paramsAndSecrets?: ParamsAndSecretsLayerVersion;
}

/** Read actions of a request path: no Scan (DESIGN.md: "no Scan anywhere on a request path"). */
const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];

/** What `bindTable` grants: read-only is for handlers that never change state. */
export interface BindTableOptions {
  /** `true`: read and write item actions; `false`: read actions only. */
  readonly write: boolean;
}

/**
 * A `NodejsFunction` with botops' defaults fixed, so no handler can drift from them
 * (model: aws-powertools `examples/app` function construct):
 *
 * - `nodejs22.x` on arm64, X-Ray tracing active, 512 MB and 10 s unless given;
 * - bundled locally by esbuild (never Docker) as one minified ESM file `index.mjs` with a source map, the AWS SDK
 *   v3 we pin bundled in rather than taken from the runtime, and a `require` shim for CommonJS dependencies;
 *   the Lambda handler string is therefore `index.handler`;
 * - its own log group (or one shared by the API's route functions) with one month's retention, and its own role
 *   whose only standing permission is writing to that log group (instead of the managed `AWSLambdaBasicExecutionRole`, which may write to every log group);
 * - `POWERTOOLS_SERVICE_NAME=botops` and `NODE_OPTIONS=--enable-source-maps` so stack traces point at TypeScript.
 *
 * Data access is added with {@link BotopsFunction.bindTable}.
 *
 * @see https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_lambda_nodejs-readme.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html
 */
export class BotopsFunction extends NodejsFunction {
  /** The function's log group (its own, or the one it shares). */
  readonly functionLogGroup: LogGroup;
  /** The function's own execution role (grants from `bindTable` land in its default policy). */
  readonly executionRole: Role;

  constructor(scope: Construct, id: string, props: BotopsFunctionProps) {
    // Created beside the function (not inside it) because NodejsFunction needs both at construction time.
    const logGroup =
      props.logGroup ??
      new LogGroup(scope, `${id}LogGroup`, {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id} (functions/${props.module}.ts)`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: join(REPO_ROOT, 'functions', `${props.module}.ts`),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.description,
      role,
      logGroup,
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        // Mappings alone give TypeScript file:line in stack traces; embedding every source would bloat the zip.
        sourcesContent: false,
        target: 'node22',
        mainFields: ['module', 'main'],
        // Some dependencies are CommonJS and call `require`, which does not exist in an ES module.
        banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
        // The nodejs22.x runtime ships AWS SDK v3 (`@aws-sdk/*`, lib-dynamodb included); bundling our own copy
        // adds ~300 KB to every function and breaks the 150 KB budget (DESIGN.md "Performance budget").
        externalModules: ['@aws-sdk/*'],
        forceDockerBundling: false,
      },
    });
    this.functionLogGroup = logGroup;
    this.executionRole = role;

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned by design (DESIGN.md "Decisions already taken"): bundles target node22 and the code is tested on it; moving to a newer runtime is a deliberate, tested upgrade, not a default.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (AWS documents Resource "*").',
    });
  }

  /**
   * Gives this function the single table: sets `TABLE_NAME` and grants, on the table and its indexes, the read
   * actions request paths use (`write: false`: GetItem, BatchGetItem, Query, ConditionCheckItem, DescribeTable;
   * deliberately no Scan) or those plus CDK's write data actions (`write: true`: PutItem, UpdateItem, DeleteItem,
   * BatchWriteItem; there is no separate IAM action for `TransactWriteItems`, which is authorised per contained
   * Put/Update/Delete/Check).
   *
   * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
   */
  bindTable(table: ITable, options: BindTableOptions): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    table.grant(this, ...READ_ACTIONS);
    if (options.write) table.grantWriteData(this);
    // cdk-nag names each wildcard finding after the flattened resource, e.g. `Resource::<TableCD117FA1.Arn>/index/*`.
    Validations.of(this.executionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flatArn(table)}/index/*]`,
      reason: 'Handlers query the global secondary indexes GSI1..GSI3; "<table>/index/*" covers exactly the indexes of this one table.',
    });
    return this;
  }
}

/** The table ARN as cdk-nag prints it in a finding: `<LogicalId.Arn>` for a table of this app, else the literal ARN. */
function flatArn(table: ITable): string {
  const arn: unknown = Stack.of(table).resolve(table.tableArn);
  if (typeof arn === 'string') return arn;
  const getAtt = (arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (getAtt) return `<${getAtt[0]}.${getAtt[1]}>`;
  throw new Error(`cannot name the ARN of table ${table.node.path} for an IAM5 acknowledgement: ${JSON.stringify(arn)}`);
}
