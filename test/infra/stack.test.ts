import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CfnElement, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { BUNDLE_FILE, FUNCTION_MODULES } from '../../infra/build/layout.js';
import { createLocalApi } from '../../infra/local/server.js';
import { freePort } from '../../infra/local/ports.js';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/db/table.js';
import { type RouteDef, routeKey } from '../../shared/http/route.js';
import { flatTemplate, newStack, placeholderFunctions, templatesOf } from './support/stack.js';
import { type Resources, functionOfRoute, roleOf, roleStatements } from './support/template.js';

/*
 * CDK assertions on the synthesized app (model: aws-serverless-developer-experience-workshop tests/cdk): handler
 * strings, environment references, key schemas, the stack layout, reached by following the templates' own
 * references route -> integration -> function -> role -> policy (across nested stacks, see support/stack.ts), so a
 * route wired to the wrong function fails.
 */

/** CloudFormation's hard limit is 500 resources per template; botops keeps every template at or below 60% of it. */
const MAX_RESOURCES_PER_TEMPLATE = 300;

/**
 * Logical ids of the stateful resources as first deployed. A changed id makes CloudFormation create a new resource
 * and drop (or, retained, orphan) the old one with its data: these must never change.
 */
const STATEFUL_LOGICAL_IDS = {
  'AWS::DynamoDB::Table': ['TableCD117FA1'],
  'AWS::S3::Bucket': ['AuditExportAccessLogs340F742F', 'AuditExportExports47ACA404', 'ConsoleFiles82B82817', 'ConsoleLogs00024E65'],
  'AWS::SQS::Queue': [
    'AuditExportExporterFailures40204192',
    'BotDataPurgeDeadLetterQueueFA8D5750',
    'CallsPushDeadLetterQueue151D6A34',
    'CallsPushQueue9EC5C8A8',
    'CampaignDiallingScheduleDeadLetterQueue4D13775A',
    'ContactTimersDeadLetterQueue407FB05C',
  ],
  'AWS::Events::EventBus': ['CallsEventBus58232ADD'],
  'AWS::SecretsManager::Secret': ['WidgetSessionsSecretF74E1DAB'],
  'AWS::Scheduler::ScheduleGroup': ['ContactTimersGroupE8A1ECE9'],
  'AWS::ApiGatewayV2::Api': ['ApiHttpApi4C294DC0'],
  'AWS::ApiGatewayV2::Stage': ['ApiDefaultStage189A7074'],
} as const;

const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

describe('BotopsStack', () => {
  let built: ReturnType<typeof newStack>;
  let template: Template;
  let resources: Resources;
  let tableId: string;
  // One stack deployed with `-c destroyable=true -c sourceMaps=true`, shared by the tests of both flags.
  let dev: Template | undefined;
  const devTemplate = () => (dev ??= flatTemplate(newStack({ destroyable: 'true', sourceMaps: 'true' }).stack));

  beforeAll(() => {
    built = newStack();
    template = flatTemplate(built.stack);
    resources = template.toJSON().Resources;
    tableId = ofType(resources, 'AWS::DynamoDB::Table')[0]![0];
  });

  describe('layout', () => {
    it('keeps every template at or below 300 resources', () => {
      const counts = templatesOf(built.stack).map(({ stack, template: t }) => [stack.node.path, Object.keys(t.Resources).length] as const);
      for (const [path, count] of counts) expect(count, path).toBeLessThanOrEqual(MAX_RESOURCES_PER_TEMPLATE);
      // the check is not vacuous: the app as a whole is far beyond one template's share
      expect(counts.reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(MAX_RESOURCES_PER_TEMPLATE);
    });

    it('keeps the stateful resources in the parent stack under their first logical ids', () => {
      const parent = templatesOf(built.stack)[0]!.template.Resources;
      for (const [type, ids] of Object.entries(STATEFUL_LOGICAL_IDS)) {
        const inApp = ofType(resources, type).map(([id]) => id);
        // every stateful resource of the type is listed (a new one must be added here, deliberately)
        expect(inApp.sort(), type).toEqual([...ids].sort());
        for (const id of ids) if (!id.startsWith('Console')) expect(parent[id]?.Type, `${id} in the parent stack`).toBe(type);
      }
      expect(Object.keys(parent)).toContain('TableCD117FA1');
    });

    it('puts each route tag in a nested stack of its own, holding exactly that tag routes and functions', () => {
      const tags = [...new Set(ROUTES.map((r) => r.tag))];
      const nested = built.stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
      expect(nested.map((n) => n.node.id).sort()).toEqual(
        [...tags.map((t) => `${t.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}Routes`), 'ConsoleHosting'].sort(),
      );
      for (const tag of tags) {
        const group = built.stack.api.groups.get(tag)!;
        const own = templatesOf(built.stack).find((t) => t.stack === group)!.template.Resources;
        const keys = Object.values(own)
          .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
          .map((r) => r.Properties.RouteKey);
        expect(keys.sort(), tag).toEqual(
          ROUTES.filter((r) => r.tag === tag)
            .map(routeKey)
            .sort(),
        );
      }
    });

    it('gives each function the prebuilt directory of its own module as code', () => {
      const assembly = built.app.synth();
      const fns = built.stack.node.findAll().filter((c) => c.node.defaultChild && (c as { module?: string }).module);
      expect(fns.length).toBe(FUNCTION_MODULES.length);
      for (const fn of fns as unknown as { module: string; node: { path: string }; stack: { templateFile: string } }[]) {
        // the asset staged for the function holds the placeholder bundle written for its module
        const tpl = JSON.parse(readFileSync(join(assembly.directory, fn.stack.templateFile), 'utf8'));
        const cfn = Object.values(tpl.Resources as Resources).find(
          (r) => r.Type === 'AWS::Lambda::Function' && JSON.stringify(r).includes(`functions/${fn.module}.ts`),
        )!;
        const key = String(cfn.Properties.Code.S3Key).replace(/\.zip$/, '');
        const staged = readFileSync(join(assembly.directory, `asset.${key}`, BUNDLE_FILE), 'utf8');
        expect(staged, fn.node.path).toContain(JSON.stringify(fn.module));
      }
    });

    it('takes a route added to the route table to API Gateway, IAM and the local runtime with no edit in infra/', async () => {
      const extra: RouteDef = {
        method: 'GET',
        path: '/api/teams/{teamId}/widgets-of-tomorrow',
        operation: 'listWidgetsOfTomorrow',
        minRole: 'member',
        handler: 'tomorrow/list',
        summary: 'A route that does not exist yet',
        tag: 'tomorrow',
        status: 200,
      };
      const dir = join(placeholderFunctions(), 'tomorrow', 'list');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, BUNDLE_FILE), 'export const handler = async () => ({});\n');
      const next = newStack({}, { routes: [...ROUTES, extra] });
      const r = flatTemplate(next.stack).toJSON().Resources as Resources;
      const [, fn] = functionOfRoute(r, routeKey(extra));
      expect(fn.Properties.Description).toBe('GET /api/teams/{teamId}/widgets-of-tomorrow -> functions/tomorrow/list.ts');
      expect(next.stack.api.groups.get('tomorrow')).toBeInstanceOf(NestedStack);
      // a new route without declared needs reads its team's partitions, nothing else
      const table = roleStatements(r, roleOf(fn)).filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Action).includes('dynamodb:'));
      expect(table.map((s) => s.Sid)).toEqual(['TableRead']);
      expect(table[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TEAM#*'] } });

      // the local runtime serves it from the same row
      const server = createLocalApi({
        routes: [...ROUTES, extra],
        loadHandler: async (module) => async () =>
          module === 'authorizer'
            ? { isAuthorized: true, context: { teamId: 't1', memberId: 'm1', role: 'member' } }
            : { statusCode: 200, body: JSON.stringify({ module }) },
      });
      const port = await freePort();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/teams/t1/widgets-of-tomorrow`);
        expect(await res.json()).toEqual({ module: 'tomorrow/list' });
      } finally {
        server.close();
      }
    });
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
      const dev = devTemplate();
      dev.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
      dev.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
      expect(dev.toJSON().Resources.TableCD117FA1).toBeDefined();
    });
  });

  describe('routes', () => {
    it('creates exactly one API route and one function per ROUTES row, plus the authorizer function', () => {
      expect(ofType(resources, 'AWS::ApiGatewayV2::Route')).toHaveLength(ROUTES.length);
      const keys = new Set(ROUTES.map(routeKey));
      const apiFunctions = ofType(resources, 'AWS::Lambda::Function').filter(([, fn]) => {
        const d = String(fn.Properties.Description ?? '');
        return d === 'HTTP API authorizer -> functions/authorizer.ts' || keys.has(d.split(' -> ')[0]!);
      });
      expect(apiFunctions).toHaveLength(ROUTES.length + 1);
    });

    it.each(ROUTES.map((r) => [routeKey(r), r] as const))('%s: authorizer, handler module and environment', (key, row) => {
      const isPublic = row.minRole === 'public';
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: key,
        AuthorizationType: isPublic ? 'NONE' : 'CUSTOM',
        AuthorizerId: isPublic ? Match.absent() : { Ref: ofType(resources, 'AWS::ApiGatewayV2::Authorizer')[0]![0] },
      });
      const [, fn] = functionOfRoute(resources, key);
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        Timeout: 10,
        Description: `${key} -> functions/${row.handler}.ts`,
        Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'botops' } },
      });
      // request-path functions start without parsing their source map, unless deployed with -c sourceMaps=true
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
      // TABLE_NAME exactly where the function may use the table
      const tableAccess = roleStatements(resources, roleOf(fn)).some((s) => s.Effect === 'Allow' && s.Sid === 'TableRead');
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toEqual(tableAccess ? { Ref: tableId } : undefined);
    });
  });

  describe('functions', () => {
    it('all run nodejs22.x on arm64 with active tracing, logging to a log group of the app', () => {
      const fns = ofType(resources, 'AWS::Lambda::Function').filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
      expect(fns.length).toBe(FUNCTION_MODULES.length);
      for (const [id, fn] of fns) {
        expect(fn.Properties, id).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          TracingConfig: { Mode: 'Active' },
        });
      }
      for (const [id, fn] of ofType(resources, 'AWS::Lambda::Function')) {
        const group = fn.Properties.LoggingConfig?.LogGroup?.Ref as string | undefined;
        expect(resources[group ?? '']?.Type, `${id} logs to a log group of the app`).toBe('AWS::Logs::LogGroup');
      }
    });

    it('keeps every log group one month, and lets each role write only to its own function log group', () => {
      const groups = ofType(resources, 'AWS::Logs::LogGroup');
      expect(groups.length).toBeGreaterThan(5);
      for (const [id, g] of groups) expect(g.Properties.RetentionInDays, id).toBe(30);
      for (const [, fn] of ofType(resources, 'AWS::Lambda::Function')) {
        const logStatements = roleStatements(resources, roleOf(fn)).filter((s) => [s.Action].flat().some((a) => a.startsWith('logs:')));
        expect(logStatements.length).toBeGreaterThan(0);
        for (const st of logStatements) expect(JSON.stringify(st.Resource)).toContain(fn.Properties.LoggingConfig.LogGroup.Ref);
      }
    });

    it('maps stack traces to TypeScript in every job, and in the API functions with -c sourceMaps=true', () => {
      const apiFunctions = new Set(
        [...built.stack.api.functions.values(), built.stack.api.authorizerFunction].map((f) =>
          Stack.of(f).resolve(Stack.of(f).getLogicalId(f.node.defaultChild as CfnElement)),
        ),
      );
      expect(apiFunctions.size).toBe(ROUTES.length + 1);
      for (const [id, fn] of ofType(resources, 'AWS::Lambda::Function')) {
        if (id.startsWith('CustomCDKBucketDeployment')) continue;
        expect(String(fn.Properties.Environment.Variables.NODE_OPTIONS ?? ''), id).toMatch(
          apiFunctions.has(id) ? /^$/ : /--enable-source-maps/,
        );
      }
      const mapped = devTemplate().toJSON().Resources as Resources;
      const [, getBot] = functionOfRoute(mapped, 'GET /api/teams/{teamId}/bots/{botId}');
      expect(getBot.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
    });

    it('shares one log group per route group between its route functions', () => {
      for (const [tag, group] of built.stack.api.groups) {
        for (const fn of group.functions.values()) expect(fn.functionLogGroup, tag).toBe(group.logGroup);
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

    it('runs functions/authorizer.ts with the table name', () => {
      const [, authorizer] = ofType(resources, 'AWS::ApiGatewayV2::Authorizer')[0]!;
      const uriParts = authorizer.Properties.AuthorizerUri['Fn::Join'][1] as unknown[];
      const getAtt = uriParts.find(
        (p): p is { 'Fn::GetAtt': [string, string] } => typeof p === 'object' && p !== null && 'Fn::GetAtt' in p,
      );
      const fn = resources[getAtt!['Fn::GetAtt'][0]]!;
      expect(fn.Properties.Description).toBe('HTTP API authorizer -> functions/authorizer.ts');
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toEqual({ Ref: tableId });
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
      const [, stage] = ofType(resources, 'AWS::ApiGatewayV2::Stage')[0]!;
      const logs = resources[stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0]];
      expect(logs).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
      expect(JSON.parse(stage.Properties.AccessLogSettings.Format as string)).not.toHaveProperty('authorization');
    });

    it('outputs the API URL, the console URL, the table name, the alarm topic and the dashboard', () => {
      template.hasOutput('ApiUrl', { Value: { 'Fn::Join': ['', Match.arrayWith(['https://', { Ref: 'ApiHttpApi4C294DC0' }])] } });
      template.hasOutput('TableName', { Value: { Ref: tableId } });
      template.hasOutput('ConsoleUrl', {
        Value: {
          'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [ofType(resources, 'AWS::CloudFront::Distribution')[0]![0], 'DomainName'] }]],
        },
      });
      template.hasOutput('AlarmTopicArn', { Value: { Ref: 'AlarmTopicD01E77F9' } });
      template.hasOutput('DashboardName', { Value: { Ref: ofType(resources, 'AWS::CloudWatch::Dashboard')[0]![0] } });
    });
  });

  describe('cdk-nag AwsSolutions', () => {
    it('reports no unacknowledged error or warning, in the parent and every nested stack', () => {
      const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(built.stack);
      const findings = report.violations.map(
        (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );
      expect(findings).toEqual([]);
      expect(report.success).toBe(true);
      // nested stacks were checked too (their resources are in the tree the plugin walks)
      expect(built.stack.node.findAll().filter((c) => c instanceof NestedStack).length).toBeGreaterThan(5);
    });

    it('acknowledges findings narrowly: new wildcard grants are still reported, and fail `cdk synth` as infra/app.ts runs it', () => {
      const dirty = newStack();
      dirty.stack.api.functions.get('getBot')!.addToRolePolicy(new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
      dirty.stack.api.functions.get('createBot')!.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
      const report = new AwsSolutionsChecks().validateScope(dirty.stack);
      expect(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)]).sort()).toEqual([
        ['AwsSolutions-IAM5[Action::dynamodb:*]', ['Botops/Api/BotsRoutes/CreateBotFunctionRole/DefaultPolicy/Resource']],
        ['AwsSolutions-IAM5[Action::s3:*]', ['Botops/Api/BotsRoutes/GetBotFunctionRole/DefaultPolicy/Resource']],
      ]);
      Validations.of(dirty.app).addPlugins(new AwsSolutionsChecks(dirty.app));
      expect(() => dirty.app.synth()).toThrow(/AwsSolutions-IAM5/);
    });

    it("passes `cdk synth` with the nag plugin and CDK's CloudFormation validation failing on errors", () => {
      const clean = newStackWithValidation();
      Validations.of(clean.app).addPlugins(new AwsSolutionsChecks(clean.app));
      expect(() => clean.app.synth()).not.toThrow();
    }, 180_000);
  });
});

/** A stack whose app keeps CDK's built-in CloudFormation validation on (as `cdk synth` does) and fails on its errors. */
const newStackWithValidation = () =>
  newStack({ '@aws-cdk/core:validateAgainstDefaultRules': true }, {}, { cloudFormationValidation: true });
