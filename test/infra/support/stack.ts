import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BUNDLE_FILE, FUNCTION_MODULES, FUNCTIONS_DIR_CONTEXT, bundleDirOf } from '../../../infra/build/layout.js';
import { BotopsStack, type BotopsStackProps } from '../../../infra/stack.js';

/*
 * Infra tests synthesize the real stack against a placeholder tree of function bundles (one tiny `index.mjs` per
 * deployed module, made once per test process in a temp dir): the stack's assertions do not depend on the code
 * inside, and building 73 real bundles per test file would cost more than the tests themselves. That every module
 * really builds is the job of `npm run build:functions` (and of every `cdk synth`), tested in functions-build.
 */

let placeholderDir: string | undefined;

/** A temp dir holding `<module>/index.mjs` for every module the stack deploys. */
export function placeholderFunctions(): string {
  if (placeholderDir) return placeholderDir;
  const dir = mkdtempSync(join(tmpdir(), 'botops-fn-placeholders-'));
  for (const module of FUNCTION_MODULES) {
    const moduleDir = bundleDirOf(dir, module);
    mkdirSync(moduleDir, { recursive: true });
    writeFileSync(join(moduleDir, BUNDLE_FILE), `export const handler = async () => ${JSON.stringify(module)};\n`);
  }
  placeholderDir = dir;
  return dir;
}

export const TEST_ENV = { account: '123456789012', region: 'eu-west-1' };

/**
 * An app and the botops stack as `cdk synth` builds it, with placeholder bundles. CDK's built-in CloudFormation
 * validation (seconds per synth) is off here; one test runs it on the real synth path.
 */
export function newStack(
  context: Record<string, unknown> = {},
  props: BotopsStackProps = {},
  opts: { cloudFormationValidation?: boolean } = {},
) {
  const app = new App({
    context: { [FUNCTIONS_DIR_CONTEXT]: placeholderFunctions(), ...context },
    builtinCloudFormationValidation: opts.cloudFormationValidation ?? false,
  });
  const stack = new BotopsStack(app, 'Botops', { env: TEST_ENV, ...props });
  return { app, stack };
}

type Json = unknown;
type CfnTemplate = { Resources: Record<string, any>; Parameters?: Record<string, any>; Outputs?: Record<string, any> };

/** The parent stack and every nested stack, each with its synthesized template. */
export function templatesOf(stack: Stack): { stack: Stack; template: CfnTemplate }[] {
  const stacks = [stack, ...stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)];
  return stacks.map((s) => ({ stack: s, template: Template.fromStack(s).toJSON() as CfnTemplate }));
}

/**
 * One template holding the resources of the parent and of every nested stack, with each nested stack's parameters
 * replaced by the values its parent passes and each `Outputs.X` of a nested stack replaced by the output's value,
 * so `{ Ref: <table> }` reads the same in every function of every nested stack and references can be followed
 * across stacks. Logical ids must be unique across the app (the construct ids are chosen so); a collision throws.
 */
export function flatTemplate(stack: Stack): Template {
  const all = templatesOf(stack);
  const byStack = new Map(all.map((t) => [t.stack, t.template]));
  const resources: Record<string, any> = {};
  const outputs: Record<string, any> = {};

  // Resolves a value written in `owner`'s template into the parent's terms, recursively.
  const resolveIn = (owner: Stack, value: Json): Json => {
    if (Array.isArray(value)) return value.map((v) => resolveIn(owner, v));
    if (value === null || typeof value !== 'object') return value;
    const obj = value as Record<string, Json>;
    if (typeof obj.Ref === 'string' && owner instanceof NestedStack) {
      const param = byStack.get(owner)!.Parameters?.[obj.Ref];
      if (param) return resolveIn(parentOf(owner), passedParameter(owner, obj.Ref));
    }
    const getAtt = obj['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[1] === 'string' && getAtt[1].startsWith('Outputs.')) {
      const nested = nestedByResource(owner, getAtt[0] as string);
      if (nested) return resolveIn(nested, byStack.get(nested)!.Outputs![getAtt[1].slice('Outputs.'.length)].Value);
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolveIn(owner, v)]));
  };
  const parentOf = (nested: NestedStack) => nested.nestedStackParent!;
  const passedParameter = (nested: NestedStack, name: string): Json => {
    const parent = parentOf(nested);
    const resource = byStack.get(parent)!.Resources[parent.getLogicalId(nested.nestedStackResource!)];
    const value = resource?.Properties?.Parameters?.[name];
    if (value === undefined) throw new Error(`parameter ${name} of ${nested.node.path} not passed by its parent`);
    return value;
  };
  const nestedByResource = (owner: Stack, logicalId: string): NestedStack | undefined =>
    all
      .map((t) => t.stack)
      .find(
        (s): s is NestedStack =>
          s instanceof NestedStack && parentOf(s) === owner && owner.getLogicalId(s.nestedStackResource!) === logicalId,
      );

  for (const { stack: s, template } of all) {
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (id in resources) throw new Error(`logical id ${id} in more than one template`);
      resources[id] = resolveIn(s, resource);
    }
    if (s === stack) for (const [id, output] of Object.entries(template.Outputs ?? {})) outputs[id] = resolveIn(s, output);
  }
  return Template.fromJSON({ Resources: resources, Outputs: outputs }, { skipCyclicalDependenciesCheck: true });
}
