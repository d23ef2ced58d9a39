import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination, type ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AUTHORIZER_NEEDS } from '../route-needs.js';
import type { RouteDef } from '../../shared/http/route.js';
import { BotopsFunction, type FunctionResources, LOG_RETENTION, requestPathSourceMaps } from './botops-function.js';
import { RouteGroupStack, pascalCase } from './route-group.js';

export interface BotopsApiProps {
  /** The route table (`functions/routes.ts`): one function and one API route per row. */
  readonly routes: readonly RouteDef[];
  /** The table and capabilities the routes' declared needs are served from. */
  readonly resources: FunctionResources;
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
  /** Where the route groups' alarms notify. */
  readonly alarmTopic: ITopic;
}

/**
 * The HTTP API (API Gateway v2) in front of the handlers.
 *
 * - The API, its `$default` stage and the authorizer stay in the parent stack (their ids, and so the API's URL,
 *   never move); the routes are built by looping over the route table, one nested {@link RouteGroupStack} per
 *   `tag`, so a route added to the table reaches API Gateway, IAM and the local runtime with no edit here.
 * - One Lambda REQUEST authorizer (`functions/authorizer.ts`) guards every route whose row is not
 *   `minRole: 'public'`. It answers in the simple format and is never cached, so a revoked key fails on its next
 *   request; it has no identity source, so it also runs for requests without `Authorization` and the handlers can
 *   answer those with the contract's 401 problem+json (API Gateway's own rejection would be a bare 401 before the
 *   authorizer is invoked). It may read and write `APIKEY#` partitions only (it refreshes the key's `lastUsedAt`).
 * - A `$default` stage, auto-deployed, with stage-wide throttling (callers get 429 beyond it) and JSON access
 *   logs (no headers, so never an API key) kept one month.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */
export class BotopsApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly authorizerFunction: BotopsFunction;
  /** Nested stacks of routes by `tag`. */
  readonly groups: ReadonlyMap<string, RouteGroupStack>;
  /** Route functions by `operation`. */
  readonly functions: ReadonlyMap<string, BotopsFunction>;

  constructor(scope: Construct, id: string, props: BotopsApiProps) {
    super(scope, id);
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;

    this.authorizerFunction = new BotopsFunction(this, 'AuthorizerFunction', {
      module: 'authorizer',
      description: 'HTTP API authorizer -> functions/authorizer.ts',
      logRemovalPolicy,
      enableSourceMaps: requestPathSourceMaps(this),
      needs: AUTHORIZER_NEEDS,
      resources: props.resources,
    });

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

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION, removalPolicy: logRemovalPolicy });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    const groups = new Map<string, RouteGroupStack>();
    const functions = new Map<string, BotopsFunction>();
    for (const [tag, routes] of routesByTag(props.routes)) {
      const group = new RouteGroupStack(this, `${pascalCase(tag)}Routes`, {
        tag,
        routes,
        httpApi: this.httpApi,
        authorizer,
        resources: props.resources,
        logRemovalPolicy,
        alarmTopic: props.alarmTopic,
      });
      groups.set(tag, group);
      for (const [operation, fn] of group.functions) functions.set(operation, fn);
    }
    this.groups = groups;
    this.functions = functions;
  }

  /** The stage's invoke URL, `https://<api-id>.execute-api.<region>.amazonaws.com/`. */
  get url(): string {
    return this.stage.url;
  }
}

/** The route table's rows grouped by `tag`, groups and rows in table order. */
export function routesByTag(routes: readonly RouteDef[]): Map<string, RouteDef[]> {
  const byTag = new Map<string, RouteDef[]>();
  for (const row of routes) byTag.set(row.tag, [...(byTag.get(row.tag) ?? []), row]);
  return byTag;
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
