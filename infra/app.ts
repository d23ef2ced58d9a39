import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BotopsStack } from './stack.js';

// CDK app entry (cdk.json: `npx tsx infra/app.ts`). Deploys into the CLI's current account and region.
const app = new App();

new BotopsStack(app, 'Botops', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'botops: serverless control plane for bots',
});

// cdk-nag 3 is a CDK validation plugin (not an Aspect): every synth checks the AWS Solutions rules and any
// finding not acknowledged (`Validations.of(x).acknowledge`, written beside its cause) fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
