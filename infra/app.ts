import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildFunctions } from './build/functions.js';
import { FUNCTIONS_DIR_CONTEXT } from './build/layout.js';
import { BotopsStack } from './stack.js';

// CDK app entry (cdk.json: `npx tsx infra/app.ts`). Deploys into the CLI's current account and region.
// Every synth first bundles the functions (one esbuild build, reused when no input changed), so a template never
// points at stale code; `-c botops:functionsDir=<dir>` deploys a build made elsewhere instead.
// CDK's built-in CloudFormation validation (a WASM linter) doubles the synth's CPU time and finds nothing in these
// templates; test/infra/stack.test.ts runs it on every `npm test`. `CDK_VALIDATION=true` turns it on here too.
const app = new App({ builtinCloudFormationValidation: process.env.CDK_VALIDATION === 'true' });
if (!app.node.tryGetContext(FUNCTIONS_DIR_CONTEXT)) {
  const build = await buildFunctions();
  console.error(
    `botops: ${build.modules.length} function bundles ${build.built ? 'built' : 'unchanged'} in ${(build.ms / 1000).toFixed(1)} s (${build.outDir})`,
  );
  app.node.setContext(FUNCTIONS_DIR_CONTEXT, build.outDir);
}

new BotopsStack(app, 'Botops', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'botops: serverless control plane for bots',
});

// cdk-nag 3 is a CDK validation plugin (not an Aspect): every synth checks the AWS Solutions rules and any
// finding not acknowledged (`Validations.of(x).acknowledge`, written beside its cause) fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
