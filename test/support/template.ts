/** Helpers over a synthesised template's resources (`Template.toJSON().Resources`) for the infra tests. */
export type CfnResource = { Type: string; Properties: any };
export type Statement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
  Principal?: unknown;
};

/** Logical id of a function's execution role. */
export const roleOf = (fn: CfnResource) => fn.Properties.Role['Fn::GetAtt'][0] as string;

/** Every statement of every IAM policy attached to role `roleId`, Allow and Deny alike. */
export function roleStatements(resources: Record<string, CfnResource>, roleId: string): Statement[] {
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref: string }[]).some((x) => x.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
