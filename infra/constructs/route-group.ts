import { NestedStack, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  type HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { needsOf } from '../route-needs.js';
import { type RouteDef, routeKey } from '../../shared/http/route.js';
import { BotopsFunction, type FunctionResources, LOG_RETENTION, requestPathSourceMaps } from './botops-function.js';
import { type FunctionGroupAlarms, functionGroupAlarms } from './monitoring.js';

/** `getBot` -> `GetBot`, `phone-numbers` -> `PhoneNumbers`: construct ids (and so logical ids) from route table names. */
export const pascalCase = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

export interface RouteGroupProps {
  /** The rows' shared `tag` (the OpenAPI tag), e.g. `bots`. */
  readonly tag: string;
  readonly routes: readonly RouteDef[];
  readonly httpApi: HttpApi;
  /** The API key authorizer of every non-public route. */
  readonly authorizer: IHttpRouteAuthorizer;
  /** The table and capabilities the rows' needs are served from. */
  readonly resources: FunctionResources;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** Where the group's alarms notify. */
  readonly alarmTopic: ITopic;
}

/**
 * The routes of one `tag` of the route table in a nested stack of their own, so no CloudFormation template
 * grows with the route table (about six resources per route: function, role, policy, invoke permission,
 * integration, route):
 *
 * - one `BotopsFunction` per row (512 MB, 10 s), its permissions and wiring derived from the row's declared needs
 *   (`infra/route-needs.ts`), wired with a Lambda proxy integration (payload format 2.0) to an API Gateway route
 *   of the shared HTTP API: authorised by the API key authorizer unless the row says `minRole: 'public'`;
 * - one log group shared by the group's functions (Lambda names each stream after its function), kept one month;
 * - the group's function errors and throttles alarms.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-nested-stacks.html
 */
export class RouteGroupStack extends NestedStack {
  /** Route functions by `operation`. */
  readonly functions = new Map<string, BotopsFunction>();
  readonly logGroup: LogGroup;
  readonly alarms: FunctionGroupAlarms;

  constructor(scope: Construct, id: string, props: RouteGroupProps) {
    super(scope, id, { description: `botops routes tagged "${props.tag}"` });
    const group = pascalCase(props.tag);
    this.logGroup = new LogGroup(this, `${group}RouteLogs`, {
      retention: LOG_RETENTION,
      ...(props.logRemovalPolicy ? { removalPolicy: props.logRemovalPolicy } : {}),
    });

    for (const row of props.routes) {
      const name = pascalCase(row.operation);
      const fn = new BotopsFunction(this, `${name}Function`, {
        module: row.handler,
        description: `${routeKey(row)} -> functions/${row.handler}.ts`,
        logGroup: this.logGroup,
        enableSourceMaps: requestPathSourceMaps(this),
        needs: needsOf(row),
        resources: props.resources,
      });
      this.functions.set(row.operation, fn);

      const isPublic = row.minRole === 'public';
      const route = new HttpRoute(this, `${name}Route`, {
        httpApi: props.httpApi,
        routeKey: HttpRouteKey.with(row.path, HttpMethod[row.method]),
        integration: new HttpLambdaIntegration(`${name}Integration`, fn),
        authorizer: isPublic ? new HttpNoneAuthorizer() : props.authorizer,
      });
      if (isPublic) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey(row)} is public by contract (spec/api.md "Public routes", "Web widget"): liveness, the API description and the widget script need no key; widget sessions authenticate with the widget key in the handler.`,
        });
      }
    }

    this.alarms = functionGroupAlarms(this, { name: group, functions: [...this.functions.values()], topic: props.alarmTopic });
  }
}
