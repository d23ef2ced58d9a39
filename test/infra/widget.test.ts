import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { BotopsStack } from '../../infra/stack.js';
import { roleOf, roleStatements } from '../support/template.js';

/*
 * The web widget's resources (issue 8): its public routes, the session signing secret, and the fact that only
 * the session route's function can read that secret, through the Parameters and Secrets extension.
 */
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(new BotopsStack(app, 'Botops', { env: { account: '123456789012', region: 'eu-west-1' } }));
  resources = template.toJSON().Resources as Record<string, Resource>;
});

/** The function behind a route key, followed through the route's integration. */
function functionOf(routeKey: string): Resource {
  const [route] = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } })) as Resource[];
  expect(route, routeKey).toBeDefined();
  const integration = resources[route!.Properties.Target['Fn::Join'][1][1].Ref]!;
  return resources[integration.Properties.IntegrationUri['Fn::GetAtt'][0]]!;
}

/** Statements of every policy attached to the function's role. */
const statementsOf = (fn: Resource) => roleStatements(resources, roleOf(fn));

const secretId = () => Object.keys(template.findResources('AWS::SecretsManager::Secret'))[0]!;

describe('web widget stack', () => {
  it('routes the public widget paths without the authorizer, the settings paths with it', () => {
    for (const key of ['GET /widget/v1/widget.js', 'POST /widget/v1/sessions', 'OPTIONS /widget/v1/sessions']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key, AuthorizationType: 'NONE' });
    }
    for (const key of ['GET /api/teams/{teamId}/bots/{botId}/widget', 'POST /api/teams/{teamId}/bots/{botId}/widget/key/regenerate']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key, AuthorizationType: 'CUSTOM' });
    }
    expect(functionOf('POST /widget/v1/sessions').Properties.Description).toBe(
      'POST /widget/v1/sessions -> functions/widget/create-session.ts',
    );
    expect(functionOf('OPTIONS /widget/v1/sessions').Properties.Description).toBe(
      'OPTIONS /widget/v1/sessions -> functions/widget/preflight-session.ts',
    );
  });

  it('generates the session signing secret in Secrets Manager (never in the template)', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
      SecretString: Match.absent(),
    });
  });

  it('gives the session function the secret ARN, the secrets extension layer and read access to that secret only', () => {
    const fn = functionOf('POST /widget/v1/sessions');
    expect(fn.Properties.Environment.Variables).toMatchObject({
      WIDGET_SESSION_SECRET_ARN: { Ref: secretId() },
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773',
      SECRETS_MANAGER_TTL: '300',
    });
    expect(fn.Properties.Layers).toEqual([
      expect.stringMatching(/^arn:aws:lambda:eu-west-1:\d{12}:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\d+$/),
    ]);
    const secretStatements = statementsOf(fn).filter((s) => [s.Action].flat().some((a) => a.startsWith('secretsmanager:')));
    expect(secretStatements).toEqual([
      { Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Effect: 'Allow', Resource: { Ref: secretId() } },
    ]);
    // the rate counter is a conditional UpdateItem
    expect(statementsOf(fn).flatMap((s) => [s.Action].flat())).toContain('dynamodb:UpdateItem');
  });

  it('keeps the secret away from every other function', () => {
    const session = functionOf('POST /widget/v1/sessions');
    const others = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function' && r !== session);
    // every route's function (the authorizer included) plus workers that are no routes
    expect(others.length).toBeGreaterThanOrEqual(ROUTES.length);
    for (const fn of others) {
      expect(fn.Properties.Environment.Variables.WIDGET_SESSION_SECRET_ARN, fn.Properties.Description).toBeUndefined();
      expect(fn.Properties.Layers, fn.Properties.Description).toBeUndefined();
      expect(JSON.stringify(statementsOf(fn)), fn.Properties.Description).not.toContain('secretsmanager');
    }
  });

  it('lets the preflight and the script only read the table', () => {
    for (const key of ['OPTIONS /widget/v1/sessions', 'GET /widget/v1/widget.js']) {
      // only what is allowed: other concerns add explicit Deny statements (e.g. the webhook-secret fence)
      const actions = statementsOf(functionOf(key))
        .filter((s) => s.Effect === 'Allow')
        .flatMap((s) => [s.Action].flat());
      expect(actions, key).toContain('dynamodb:Query');
      expect(
        actions.filter((a) => /PutItem|UpdateItem|DeleteItem|BatchWriteItem/.test(a)),
        key,
      ).toEqual([]);
    }
  });
});
