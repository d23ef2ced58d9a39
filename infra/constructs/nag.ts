import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * A CloudFormation value as cdk-nag 3 prints it inside a finding id (its `flattenCfnReference`), resolved in
 * `scope`'s stack: `Fn::Join` flattened, `Fn::Sub` as its template with `${X}` written `<X>`, `{ Ref: X }` as
 * `<X>`, `{ Fn::GetAtt: [A, B] }` as `<A.B>`. Only for values of the same stack: a reference to another stack
 * resolves to a parameter at synthesis, whose name differs.
 * @throws Error for a value cdk-nag names otherwise.
 */
export function nagName(scope: IConstruct, value: unknown): string {
  const resolved: unknown = Stack.of(scope).resolve(value);
  const flat = (v: unknown): string => {
    if (typeof v === 'string') return v.replace(/\$\{/g, '<').replace(/}/g, '>');
    const o = v as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, unknown[]]; 'Fn::Sub'?: string };
    if (o.Ref) return `<${o.Ref}>`;
    if (typeof o['Fn::Sub'] === 'string') return flat(o['Fn::Sub']);
    if (o['Fn::GetAtt']) return `<${o['Fn::GetAtt'][0]}.${o['Fn::GetAtt'][1]}>`;
    if (o['Fn::Join']) return o['Fn::Join'][1].map(flat).join(o['Fn::Join'][0]);
    throw new Error(`cannot name ${JSON.stringify(v)} for a cdk-nag acknowledgement`);
  };
  return flat(resolved);
}

/** Acknowledges the `AwsSolutions-IAM5` finding of one wildcard resource on `scope` (and only that one). */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${nagName(scope, resource)}]`, reason });
}
