import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { BotopsStack } from '../../infra/stack.js';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/db/table.js';
import { routeKey } from '../../shared/http/route.js';

/*
 * CDK assertions on the synthesized template (model: aws-serverless-developer-experience-workshop tests/cdk):
 * handler strings, environment references, key schemas and grants, reached by following the template's own
 * references route -> integration -> function -> role -> policy, so a route wired to the wrong function fails.
 */

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'];

/** A stack as `cdk synth` builds it, minus esbuild: `aws:cdk:bundling-stacks: []` skips bundling (fast). */
function newStack(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new BotopsStack(app, 'Botops', { env: { account: '123456789012', region: 'eu-west-1' } });
  return { app, stack };
}

/** The one resource of `type`, as its logical id and body. */
function only(template: Template, type: string): [string, Resource] {
  const found = Object.entries(template.findResources(type)) as [string, Resource][];
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0]!;
}

function resource(template: Template, logicalId: string): Resource {
  const r = (template.toJSON().Resources as Record<string, Resource>)[logicalId];
  expect(r, `resource ${logicalId}`).toBeDefined();
  return r!;
}

/** The Lambda function behind `routeKey`, found through the route's integration target. */
function functionOfRoute(template: Template, key: string): [string, Resource] {
  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: key } })) as Resource[];
  expect(routes, `one route ${key}`).toHaveLength(1);
  const [, parts] = routes[0]!.Properties.Target['Fn::Join'] as [string, [string, { Ref: string }]];
  expect(parts[0]).toBe('integrations/');
  const integration = resource(template, parts[1].Ref);
  expect(integration.Type).toBe('AWS::ApiGatewayV2::Integration');
  expect(integration.Properties.IntegrationType).toBe('AWS_PROXY');
  const functionId = integration.Properties.IntegrationUri['Fn::GetAtt'][0] as string;
  return [functionId, resource(template, functionId)];
}

/** Every action the function's execution role is allowed, from the policies attached to that role. */
function allowedActions(template: Template, fn: Resource): Set<string> {
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) } }),
  ) as Resource[];
  expect(policies.length, `a policy on ${roleId}`).toBeGreaterThan(0);
  const actions = new Set<string>();
  for (const policy of policies) {
    for (const statement of policy.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[] }[]) {
      if (statement.Effect !== 'Allow') continue;
      for (const action of [statement.Action].flat()) actions.add(action);
    }
  }
  // The role itself must carry no managed policy (e.g. AWSLambdaBasicExecutionRole) granting more.
  expect(resource(template, roleId).Properties.ManagedPolicyArns).toBeUndefined();
  return actions;
}

/** The functions behind API routes and the authorizer, recognised by the description the API construct gives them. */
function apiFunctionsOf(template: Template): Resource[] {
  const keys = new Set(ROUTES.map(routeKey));
  return (Object.values(template.findResources('AWS::Lambda::Function')) as Resource[]).filter((fn) => {
    const d = String(fn.Properties.Description ?? '');
    return d === 'HTTP API authorizer -> functions/authorizer.ts' || keys.has(d.split(' -> ')[0]!);
  });
}

describe('BotopsStack', () => {
  let template: Template;
  let tableId: string;

  beforeAll(() => {
    template = Template.fromStack(newStack().stack);
    tableId = only(template, 'AWS::DynamoDB::Table')[0];
  });

  describe('table', () => {
    it('has the key schema and indexes of shared/db/table.ts', () => {
      const gsiAttributes = GSIS.flatMap((name) => [
        { AttributeName: `${name}PK`, AttributeType: 'S' },
        { AttributeName: `${name}SK`, AttributeType: 'S' },
      ]);
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayEquals([
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
          ...gsiAttributes,
        ]),
        GlobalSecondaryIndexes: GSIS.map((name) => ({
          IndexName: name,
          KeySchema: [
            { AttributeName: `${name}PK`, KeyType: 'HASH' },
            { AttributeName: `${name}SK`, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      });
    });

    it('is on-demand, point-in-time recoverable, encrypted, with the TTL attribute', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      });
    });

    it('is retained by default and deleted with the stack when destroyable=true', () => {
      template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      const dev = Template.fromStack(newStack({ destroyable: 'true' }).stack);
      dev.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
      dev.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
    });
  });

  describe('routes', () => {
    it('creates exactly one API route and one function per ROUTES row, plus the authorizer function', () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Route', ROUTES.length);
      // Functions behind no route (event, queue and schedule targets) are asserted by their own constructs' tests.
      const apiFunctions = apiFunctionsOf(template);
      expect(apiFunctions).toHaveLength(ROUTES.length + 1);
      expect(new Set(apiFunctions.map((f) => f.Properties.Description)).size).toBe(ROUTES.length + 1);
    });

    it.each(ROUTES.map((r) => [routeKey(r), r] as const))('%s: authorizer, handler module, environment and grants', (key, row) => {
      const isPublic = row.minRole === 'public';
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: key,
        AuthorizationType: isPublic ? 'NONE' : 'CUSTOM',
        AuthorizerId: isPublic ? Match.absent() : { Ref: only(template, 'AWS::ApiGatewayV2::Authorizer')[0] },
      });

      const [, fn] = functionOfRoute(template, key);
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Description: `${key} -> functions/${row.handler}.ts`,
        Environment: {
          Variables: { TABLE_NAME: { Ref: tableId }, POWERTOOLS_SERVICE_NAME: 'botops', NODE_OPTIONS: '--enable-source-maps' },
        },
      });

      const actions = allowedActions(template, fn);
      for (const read of READ_ACTIONS) expect(actions).toContain(read);
      for (const write of WRITE_ACTIONS) {
        if (row.method === 'GET' || row.method === 'OPTIONS') expect(actions, `${key} is read-only`).not.toContain(write);
        else expect(actions, `${key} writes`).toContain(write);
      }
    });

    it('grants a GET route read only and a POST route writes (the policy attached to each role)', () => {
      const get = allowedActions(template, functionOfRoute(template, 'GET /api/teams/{teamId}/bots/{botId}')[1]);
      const post = allowedActions(template, functionOfRoute(template, 'POST /api/teams/{teamId}/bots')[1]);
      expect([...get].filter((a) => a.startsWith('dynamodb:') && WRITE_ACTIONS.includes(a))).toEqual([]);
      expect(WRITE_ACTIONS.filter((a) => !post.has(a))).toEqual([]);
    });
  });

  it('stays clear of the 500-resource CloudFormation limit', () => {
    // Each route costs ~6 resources (function, role, policy, permission, integration, route). Past ~470 the next
    // concerns should move routes into nested stacks rather than squeeze this one.
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(470);
  });

  describe('functions', () => {
    it('all run nodejs22.x on arm64 with tracing and the table name; API functions with 512 MB and 10 s', () => {
      template.allResourcesProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        Environment: { Variables: Match.objectLike({ TABLE_NAME: { Ref: tableId } }) },
        LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
      });
      // Non-API functions (queue and schedule targets) may need longer timeouts; their constructs' tests say which.
      for (const fn of apiFunctionsOf(template)) expect(fn.Properties).toMatchObject({ MemorySize: 512, Timeout: 10 });
    });

    it('logs with one month retention: route functions to one shared group, every other function to its own', () => {
      const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Resource[];
      const groups = functions.map((fn) => fn.Properties.LoggingConfig.LogGroup.Ref as string);
      const routeGroups = new Set(
        apiFunctionsOf(template)
          .filter((f) => !/authorizer/i.test(f.Properties.Description))
          .map((f) => f.Properties.LoggingConfig.LogGroup.Ref as string),
      );
      expect(routeGroups.size).toBe(1);
      const others = functions.filter((f) => !routeGroups.has(f.Properties.LoggingConfig.LogGroup.Ref));
      expect(new Set(others.map((f) => f.Properties.LoggingConfig.LogGroup.Ref)).size).toBe(others.length);
      // each role may write to its function's group only
      for (const fn of functions) {
        const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
        const logStatements = Object.values(template.findResources('AWS::IAM::Policy'))
          .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
          .flatMap((p) => p.Properties.PolicyDocument.Statement)
          .filter((st: { Action: string | string[] }) => [st.Action].flat().some((a) => a.startsWith('logs:')));
        for (const st of logStatements) expect(JSON.stringify(st.Resource)).toContain(fn.Properties.LoggingConfig.LogGroup.Ref);
      }
      for (const id of new Set(groups)) {
        const group = resource(template, id);
        expect(group.Type).toBe('AWS::Logs::LogGroup');
        expect(group.Properties.RetentionInDays).toBe(30);
      }
    });
  });

  describe('authorizer', () => {
    it('is a simple-response REQUEST authorizer without caching or identity source', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'REQUEST',
        AuthorizerPayloadFormatVersion: '2.0',
        EnableSimpleResponses: true,
        AuthorizerResultTtlInSeconds: 0,
        IdentitySource: [],
      });
    });

    it('runs functions/authorizer.ts, which may read and write the table (lastUsedAt)', () => {
      const [, authorizer] = only(template, 'AWS::ApiGatewayV2::Authorizer');
      const uriParts = authorizer.Properties.AuthorizerUri['Fn::Join'][1] as unknown[];
      const getAtt = uriParts.find(
        (p): p is { 'Fn::GetAtt': [string, string] } => typeof p === 'object' && p !== null && 'Fn::GetAtt' in p,
      );
      const fn = resource(template, getAtt!['Fn::GetAtt'][0]);
      expect(fn.Properties.Description).toBe('HTTP API authorizer -> functions/authorizer.ts');
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toEqual({ Ref: tableId });
      const actions = allowedActions(template, fn);
      expect(actions).toContain('dynamodb:GetItem');
      expect(actions).toContain('dynamodb:UpdateItem');
    });
  });

  describe('stage and outputs', () => {
    it('serves the $default stage with throttling and JSON access logs kept one month', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: {
          DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
          Format: Match.stringLikeRegexp('\\$context\\.requestId'),
        },
      });
      const [, stage] = only(template, 'AWS::ApiGatewayV2::Stage');
      const logs = resource(template, stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0]);
      expect(logs).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
      expect(JSON.parse(stage.Properties.AccessLogSettings.Format as string)).not.toHaveProperty('authorization');
    });

    it('outputs the API URL and the table name', () => {
      template.hasOutput('ApiUrl', { Value: { 'Fn::Join': ['', Match.arrayWith(['https://', { Ref: Match.anyValue() }])] } });
      template.hasOutput('TableName', { Value: { Ref: tableId } });
    });
  });

  describe('cdk-nag AwsSolutions', () => {
    it('reports no unacknowledged error or warning', () => {
      const { stack } = newStack();
      const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
      const findings = report.violations.map(
        (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );
      expect(findings).toEqual([]);
      expect(report.success).toBe(true);
    });

    it('acknowledges findings narrowly: a new wildcard grant is still reported', () => {
      const { stack } = newStack();
      stack.api.functions.get('getBot')!.addToRolePolicy(new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
      const report = new AwsSolutionsChecks().validateScope(stack);
      expect(report.violations.map((v) => v.ruleName)).toEqual(['AwsSolutions-IAM5[Action::s3:*]']);
      expect(report.violations[0]!.violatingResources.map((r) => r.constructPath)).toEqual([
        'Botops/Api/GetBotFunctionRole/DefaultPolicy/Resource',
      ]);
    });

    it('passes synthesis with the plugin registered as in infra/app.ts, and fails it on a new finding', () => {
      const clean = newStack();
      Validations.of(clean.app).addPlugins(new AwsSolutionsChecks(clean.app));
      expect(() => clean.app.synth()).not.toThrow();

      const dirty = newStack();
      dirty.stack.api.functions.get('createBot')!.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
      Validations.of(dirty.app).addPlugins(new AwsSolutionsChecks(dirty.app));
      expect(() => dirty.app.synth()).toThrow(/AwsSolutions-IAM5/);
    });
  });
});
