import { expect } from 'vitest';
import { ROUTES } from '../../../functions/routes.js';
import { routeKey } from '../../../shared/http/route.js';

/** Helpers over a (flattened) template's resources: follow references route -> integration -> function -> role -> policies. */
export type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
export type Statement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
export type Resources = Record<string, Resource>;

export const actionsOf = (s: Statement) => [s.Action].flat();

/** Logical id of a function's execution role. */
export const roleOf = (fn: Resource) => fn.Properties.Role['Fn::GetAtt'][0] as string;

/**
 * Every statement that applies to role `roleId`: its inline policies (`AWS::IAM::Policy` naming the role) and the
 * customer managed policies the role lists. Throws on an AWS managed policy (none may be attached).
 */
export function roleStatements(resources: Resources, roleId: string): Statement[] {
  const role = resources[roleId];
  expect(role?.Type, `role ${roleId}`).toBe('AWS::IAM::Role');
  const inline = Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref: string }[]).some((x) => x.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  const managed = ((role!.Properties.ManagedPolicyArns ?? []) as { Ref?: string }[]).flatMap((arn) => {
    const policy = arn.Ref ? resources[arn.Ref] : undefined;
    if (policy?.Type !== 'AWS::IAM::ManagedPolicy')
      throw new Error(`${roleId} has a managed policy from outside the stack: ${JSON.stringify(arn)}`);
    return policy.Properties.PolicyDocument.Statement as Statement[];
  });
  return [...inline, ...managed];
}

/** Statements applying to the function with logical id `fnId`. */
export const statementsOfFunction = (resources: Resources, fnId: string) => roleStatements(resources, roleOf(resources[fnId]!));

/** Allowed actions of a function (Allow statements only: fences add explicit Denies). */
export const allowedActions = (resources: Resources, fnId: string) =>
  new Set(
    statementsOfFunction(resources, fnId)
      .filter((s) => s.Effect === 'Allow')
      .flatMap(actionsOf),
  );

/** The one function whose description starts with `prefix`, as [logical id, resource]. */
export function functionByDescription(resources: Resources, prefix: string): [string, Resource] {
  const found = Object.entries(resources).filter(
    ([, r]) => r.Type === 'AWS::Lambda::Function' && String(r.Properties.Description ?? '').startsWith(prefix),
  );
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
}

/** The Lambda function behind route `key` (`GET /health`), followed through the route's integration. */
export function functionOfRoute(resources: Resources, key: string): [string, Resource] {
  const routes = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties.RouteKey === key);
  expect(routes, `one route ${key}`).toHaveLength(1);
  const [, parts] = routes[0]!.Properties.Target['Fn::Join'] as [string, [string, { Ref: string }]];
  expect(parts[0]).toBe('integrations/');
  const integration = resources[parts[1].Ref]!;
  expect(integration.Type).toBe('AWS::ApiGatewayV2::Integration');
  expect(integration.Properties.IntegrationType).toBe('AWS_PROXY');
  const functionId = integration.Properties.IntegrationUri['Fn::GetAtt'][0] as string;
  return [functionId, resources[functionId]!];
}

/** The function of the route table row of `operation`. */
export function functionOfOperation(resources: Resources, operation: string): [string, Resource] {
  const row = ROUTES.find((r) => r.operation === operation);
  if (!row) throw new Error(`no route ${operation}`);
  return functionOfRoute(resources, routeKey(row));
}

/** The `dynamodb:LeadingKeys` patterns of a statement's `ForAllValues:StringLike` condition (undefined without). */
export const leadingKeys = (s: Statement) => s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[] | undefined;

/** The function's Allow statements on DynamoDB, by Sid (`TableRead`, `TableWrite`). */
export function tableStatements(resources: Resources, fnId: string): Record<string, Statement> {
  const dynamo = statementsOfFunction(resources, fnId).filter(
    (s) => s.Effect === 'Allow' && actionsOf(s).some((a) => a.startsWith('dynamodb:')),
  );
  return Object.fromEntries(dynamo.map((s) => [s.Sid ?? '(no sid)', s]));
}
