import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, type RouteDef } from '../../shared/http/route.js';
import { BotopsFunction, type BotopsFunctionProps } from './botops-function.js';

export interface BotopsApiProps {
  /** The single table, bound to the authorizer and to every route's function. */
  readonly table: ITable;
  /** The route table (`functions/routes.ts`): one function and one API route per row. */
  readonly routes: readonly RouteDef[];
  /**
   * Account-independent stage throttling (requests per second, and burst) applied to every route.
   * @default { rateLimit: 50, burstLimit: 100 }
   */
  readonly throttle?: ThrottleSettings;
  /**
   * What happens to the API's and the functions' log groups when they leave the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * Extra settings for the functions of some routes, by `operation` (e.g. the widget session route's secret).
   * @default none
   */
  readonly functionOptions?: Readonly<Record<string, Pick<BotopsFunctionProps, 'environment' | 'paramsAndSecrets'>>>;
}

/** Methods whose functions only read the table: `GET`, and `OPTIONS` (CORS preflights). */
const READ_ONLY_METHODS: ReadonlySet<string> = new Set(['GET', 'OPTIONS']);

/** `getBot` -> `GetBot`: stable construct ids (and so logical ids) derived from the operation name. */
export const constructIdOf = (operation: string) => operation.charAt(0).toUpperCase() + operation.slice(1);

/**
 * The HTTP API (API Gateway v2) in front of the handlers.
 *
 * - One `BotopsFunction` per route row, wired with a Lambda proxy integration (payload format 2.0). Its table
 *   grant follows the method, as open-constructs/cdk-serverless does: `GET` and `OPTIONS` rows get read-only
 *   access, every other method read/write. `functionOptions` adds per-route settings (environment, secrets layer).
 * - One Lambda REQUEST authorizer (`functions/authorizer.ts`) is the API's default, so a route is authorised
 *   unless its row says `minRole: 'public'` (then `HttpNoneAuthorizer`). It answers in the simple format and is
 *   never cached, so a revoked key fails on its next request; it has no identity source, so it also runs for
 *   requests without `Authorization` and the handlers can answer those with the contract's 401 problem+json
 *   (API Gateway's own rejection would be a bare 401 before the authorizer is invoked). It gets read/write on
 *   the table because it refreshes the key's `lastUsedAt`.
 * - A `$default` stage, auto-deployed, with stage-wide throttling (callers get 429 beyond it) and JSON access
 *   logs (no headers, so never an API key) in a log group with one month's retention.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */
export class BotopsApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly authorizerFunction: BotopsFunction;
  /** Route functions by `operation`. */
  readonly functions: ReadonlyMap<string, BotopsFunction>;

  constructor(scope: Construct, id: string, props: BotopsApiProps) {
    super(scope, id);
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;

    this.authorizerFunction = new BotopsFunction(this, 'AuthorizerFunction', {
      module: 'authorizer',
      description: 'HTTP API authorizer -> functions/authorizer.ts',
      logRemovalPolicy,
    }).bindTable(props.table, { write: true });

    const authorizer = new HttpLambdaAuthorizer('ApiKeyAuthorizer', this.authorizerFunction, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      resultsCacheTtl: Duration.seconds(0),
      // Optional for a REQUEST authorizer while caching is off (identity sources are the cache key). Any listed
      // source missing from a request makes API Gateway answer a bare 401 without calling the authorizer.
      identitySource: [],
    });

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: Stack.of(this).stackName,
      description: 'botops control plane API',
      defaultAuthorizer: authorizer,
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: logRemovalPolicy });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    // One log group for every route function: streams are named after their function, and a group per route
    // would spend one of the stack's 500 CloudFormation resources per route.
    const routeLogs = new LogGroup(this, 'RouteFunctionLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: logRemovalPolicy });
    const functions = new Map<string, BotopsFunction>();
    for (const row of props.routes) {
      const name = constructIdOf(row.operation);
      const fn = new BotopsFunction(this, `${name}Function`, {
        module: row.handler,
        description: `${routeKey(row)} -> functions/${row.handler}.ts`,
        logRemovalPolicy,
        logGroup: routeLogs,
        ...props.functionOptions?.[row.operation],
      }).bindTable(props.table, { write: !READ_ONLY_METHODS.has(row.method) });
      functions.set(row.operation, fn);

      const isPublic = row.minRole === 'public';
      const [route] = this.httpApi.addRoutes({
        path: row.path,
        methods: [HttpMethod[row.method]],
        integration: new HttpLambdaIntegration(`${name}Integration`, fn),
        authorizer: isPublic ? new HttpNoneAuthorizer() : authorizer,
      });
      if (isPublic && route) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey(row)} is public by contract (spec/api.md "Public routes", "Web widget"): liveness, the API description and the widget script need no key; widget sessions authenticate with the widget key in the handler.`,
        });
      }
    }
    this.functions = functions;
  }

  /** The stage's invoke URL, `https://<api-id>.execute-api.<region>.amazonaws.com/`. */
  get url(): string {
    return this.stage.url;
  }
}

/** HTTP API access-log fields as one JSON object per request. Deliberately no headers: they carry API keys. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integration.latency',
    integrationError: '$context.integration.error',
    authorizerError: '$context.authorizer.error',
    authorizerLatency: '$context.authorizer.latency',
  }),
);
