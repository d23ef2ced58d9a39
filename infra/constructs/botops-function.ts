import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  type ParamsAndSecretsLayerVersion,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { type ILogGroup, LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Capability, FunctionNeeds } from '../route-needs.js';
import { BUNDLE_FILE, BUNDLE_HANDLER, DEFAULT_FUNCTIONS_DIR, FUNCTIONS_DIR_CONTEXT, bundleDirOf } from '../build/layout.js';
import { grantTableAccess } from './table-access.js';

export { REPO_ROOT } from '../build/layout.js';

/** Service name every function's Powertools logger reports (matches `shared/logger.ts`). */
export const SERVICE_NAME = 'botops';

/**
 * CDK context flag (`-c sourceMaps=true`) that makes the API's functions (routes and authorizer) map stack traces
 * to TypeScript too. Off by default: Node parses each function's source map at start when the flag is on, which
 * `npm run bench -- coldstart` measures at 10 to 45 ms of CPU per cold start. Jobs always map their traces.
 */
export const SOURCE_MAPS_CONTEXT = 'sourceMaps';

/** Whether request-path functions under `scope` run with `--enable-source-maps` (the context flag above). */
export const requestPathSourceMaps = (scope: Construct) => String(scope.node.tryGetContext(SOURCE_MAPS_CONTEXT)) === 'true';

/** How long every log group of the stack keeps its events. */
export const LOG_RETENTION = RetentionDays.ONE_MONTH;

/**
 * How the stack provides one capability of `infra/route-needs.ts` to a function that declares it: a managed
 * policy (defined once, beside the resource) attached to its role, environment variables, function settings.
 */
export type CapabilityGrant = {
  readonly policy?: IManagedPolicy;
  readonly environment?: Readonly<Record<string, string>>;
  readonly paramsAndSecrets?: ParamsAndSecretsLayerVersion;
};

/** The stack's shared resources a function's declared needs are served from. */
export interface FunctionResources {
  readonly table: ITable;
  readonly capabilities?: Readonly<Partial<Record<Capability, CapabilityGrant>>>;
}

export interface BotopsFunctionProps {
  /** Handler module under `functions/`, without extension, exporting `handler` (a route row's `handler`), e.g. `bots/get`. */
  readonly module: string;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** Extra environment variables, merged over the defaults. */
  readonly environment?: Record<string, string>;
  /**
   * Run with `NODE_OPTIONS=--enable-source-maps`: stack traces point at TypeScript, and Node parses the source map at
   * every cold start. Request-path functions pass {@link requestPathSourceMaps}.
   * @default true
   */
  readonly enableSourceMaps?: boolean;
  readonly description?: string;
  /**
   * What happens to the function's own log group when it leaves the stack (ignored with `logGroup`).
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * A log group shared with other functions (the route functions of one route group share one: Lambda names each
   * log stream after its function, and a group per function would cost a CloudFormation resource each).
   * @default a log group of its own, kept {@link LOG_RETENTION}
   */
  readonly logGroup?: ILogGroup;
  /**
   * What the function needs (`infra/route-needs.ts`): its table access (`TABLE_NAME` and partition-scoped
   * statements) and the capabilities it uses, served from `resources`.
   * @default no table access, no capability
   */
  readonly needs?: FunctionNeeds;
  /** Required when `needs` declares table access or capabilities. */
  readonly resources?: FunctionResources;
}

/**
 * A Lambda function with botops' defaults fixed, so no handler can drift from them (model: aws-powertools
 * `examples/app` function construct):
 *
 * - `nodejs22.x` on arm64, X-Ray active tracing (recorded by the Lambda service; no tracing code is bundled), 512 MB
 *   and 10 s unless given;
 * - code: the prebuilt directory `<functionsDir>/<module>/` of `npm run build:functions` (one minified ES module
 *   `index.mjs` with every dependency bundled, and its source map), so synth never runs a bundler; the handler
 *   string is `index.handler`. `functionsDir` is the CDK context `botops:functionsDir`, by default `dist/functions`;
 * - its own role whose only standing permission is writing to its log group (not the managed
 *   `AWSLambdaBasicExecutionRole`, which may write to every log group), plus what `needs` declares: table
 *   statements scoped to the declared partitions (`table-access.ts`) and the managed policy and environment of each
 *   capability it uses;
 * - `POWERTOOLS_SERVICE_NAME=botops`; `NODE_OPTIONS=--enable-source-maps` (stack traces point at TypeScript) unless
 *   `enableSourceMaps: false`, which the API's functions default to for a faster cold start (the map stays in the
 *   package: decode a trace offline, or deploy with `-c sourceMaps=true`).
 *
 * @throws Error at construction when the module's bundle directory does not exist (run `npm run build:functions`),
 *   or when a declared need has no resource to serve it.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-package.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html
 */
export class BotopsFunction extends LambdaFunction {
  /** The function's log group (its own, or the one it shares). */
  readonly functionLogGroup: ILogGroup;
  /** The function's own execution role. */
  readonly executionRole: Role;
  /** The handler module under `functions/` this function runs. */
  readonly module: string;
  /** What it was declared to need (`infra/route-needs.ts`); its permissions derive from it. */
  readonly needs: FunctionNeeds;

  constructor(scope: Construct, id: string, props: BotopsFunctionProps) {
    // Created beside the function (not inside it) so their logical ids do not depend on the function's.
    const logGroup =
      props.logGroup ??
      new LogGroup(scope, `${id}LogGroup`, { retention: LOG_RETENTION, removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id} (functions/${props.module}.ts)`,
    });
    logGroup.grantWrite(role);
    const needs = props.needs ?? {};
    const grants = (needs.uses ?? []).map((capability) => {
      const grant = props.resources?.capabilities?.[capability];
      if (!grant) throw new Error(`${id} (functions/${props.module}.ts) uses ${capability}, which the stack does not provide`);
      return grant;
    });
    const paramsAndSecrets = grants.find((g) => g.paramsAndSecrets)?.paramsAndSecrets;

    super(scope, id, {
      code: Code.fromAsset(bundleDirectory(scope, props.module)),
      handler: BUNDLE_HANDLER,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.description,
      role,
      logGroup,
      ...(paramsAndSecrets ? { paramsAndSecrets } : {}),
      environment: Object.assign(
        { POWERTOOLS_SERVICE_NAME: SERVICE_NAME, ...(props.enableSourceMaps === false ? {} : { NODE_OPTIONS: '--enable-source-maps' }) },
        ...grants.map((g) => g.environment ?? {}),
        props.environment,
      ),
    });
    this.functionLogGroup = logGroup;
    this.executionRole = role;
    this.module = props.module;
    this.needs = needs;
    if (needs.table) {
      if (!props.resources) throw new Error(`${id} (functions/${props.module}.ts) declares table access but was given no table`);
      this.addEnvironment('TABLE_NAME', props.resources.table.tableName);
      grantTableAccess(role, props.resources.table, needs);
    }
    for (const grant of grants) if (grant.policy) role.addManagedPolicy(grant.policy);

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned by design: bundles target node22 and the code is tested on it; moving to a newer runtime is a deliberate, tested upgrade, not a default.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (AWS documents Resource "*").',
    });
  }
}

/** `<functionsDir>/<module>`, checked to hold a bundle. */
function bundleDirectory(scope: Construct, module: string): string {
  const functionsDir = String(scope.node.tryGetContext(FUNCTIONS_DIR_CONTEXT) ?? DEFAULT_FUNCTIONS_DIR);
  const dir = bundleDirOf(functionsDir, module);
  if (!existsSync(join(dir, BUNDLE_FILE))) {
    throw new Error(`no bundle for functions/${module}.ts in ${dir}: run \`npm run build:functions\` (cdk synth builds it too)`);
  }
  return dir;
}
