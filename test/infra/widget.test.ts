import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { flatTemplate, newStack } from './support/stack.js';
import { type Resources, actionsOf, functionOfRoute, statementsOfFunction } from './support/template.js';

/*
 * The web widget's resources: its public routes, the session signing secret, and the fact that only the session
 * route's function can read that secret, through the Parameters and Secrets extension.
 */
let template: Template;
let resources: Resources;

beforeAll(() => {
  template = flatTemplate(newStack().stack);
  resources = template.toJSON().Resources;
});

const functionOf = (key: string) => functionOfRoute(resources, key);
const secretId = () => Object.keys(template.findResources('AWS::SecretsManager::Secret'))[0]!;

describe('web widget stack', () => {
  it('routes the public widget paths without the authorizer, the settings paths with it', () => {
    for (const key of ['GET /widget/v1/widget.js', 'POST /widget/v1/sessions', 'OPTIONS /widget/v1/sessions']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key, AuthorizationType: 'NONE' });
    }
    for (const key of ['GET /api/teams/{teamId}/bots/{botId}/widget', 'POST /api/teams/{teamId}/bots/{botId}/widget/key/regenerate']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key, AuthorizationType: 'CUSTOM' });
    }
    expect(functionOf('POST /widget/v1/sessions')[1].Properties.Description).toBe(
      'POST /widget/v1/sessions -> functions/widget/create-session.ts',
    );
    expect(functionOf('OPTIONS /widget/v1/sessions')[1].Properties.Description).toBe(
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
    const [id, fn] = functionOf('POST /widget/v1/sessions');
    expect(fn.Properties.Environment.Variables).toMatchObject({
      WIDGET_SESSION_SECRET_ARN: { Ref: secretId() },
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773',
      SECRETS_MANAGER_TTL: '300',
    });
    expect(fn.Properties.Layers).toEqual([
      expect.stringMatching(/^arn:aws:lambda:eu-west-1:\d{12}:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\d+$/),
    ]);
    const secretStatements = statementsOfFunction(resources, id).filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
    expect(secretStatements).toEqual([
      { Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Effect: 'Allow', Resource: { Ref: secretId() } },
    ]);
    // the rate counter is a conditional UpdateItem
    expect(statementsOfFunction(resources, id).flatMap(actionsOf)).toContain('dynamodb:UpdateItem');
  });

  it('keeps the secret away from every other function', () => {
    const [sessionId] = functionOf('POST /widget/v1/sessions');
    const others = Object.entries(resources).filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && id !== sessionId);
    expect(others.length).toBeGreaterThanOrEqual(ROUTES.length);
    for (const [id, fn] of others) {
      expect(fn.Properties.Environment?.Variables?.WIDGET_SESSION_SECRET_ARN, fn.Properties.Description).toBeUndefined();
      expect(JSON.stringify(fn.Properties.Layers ?? []), fn.Properties.Description).not.toContain('Parameters-and-Secrets');
      expect(JSON.stringify(statementsOfFunction(resources, id)), fn.Properties.Description).not.toContain('secretsmanager');
    }
  });

  it('lets the preflight only read the table, and the script not touch it', () => {
    const allowed = (key: string) =>
      statementsOfFunction(resources, functionOf(key)[0])
        .filter((s) => s.Effect === 'Allow')
        .flatMap(actionsOf);
    expect(allowed('OPTIONS /widget/v1/sessions')).toContain('dynamodb:Query');
    expect(allowed('OPTIONS /widget/v1/sessions').filter((a) => /PutItem|UpdateItem|DeleteItem|BatchWriteItem/.test(a))).toEqual([]);
    expect(allowed('GET /widget/v1/widget.js').filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });
});
