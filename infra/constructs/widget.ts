import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { ManagedPolicy } from 'aws-cdk-lib/aws-iam';
import { ParamsAndSecretsLayerVersion, ParamsAndSecretsLogLevel, ParamsAndSecretsVersions } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { CapabilityGrant } from './botops-function.js';

/**
 * The web widget's server-side secret: the HMAC key that signs widget session tokens
 * (`shared/ports/session-secret.ts`, `shared/domain/widget/session-token.ts`).
 *
 * - A Secrets Manager secret whose value CloudFormation generates at the first deploy (64 alphanumeric
 *   characters), so it is in no template, cloud assembly or function configuration, and no person handles it.
 *   Rotate it with `aws secretsmanager put-secret-value` (or `rotate-secret` with your own rotation function):
 *   functions pick the new value up within five minutes, and sessions signed with the old one simply expire
 *   (they live 15 minutes).
 * - `readCapability` (the `widgetSessionSecret` need) gives a function the AWS Parameters and Secrets Lambda
 *   Extension (a layer that serves the secret on `localhost:2773` and caches it five minutes, so the bundle needs
 *   no Secrets Manager SDK), the secret's ARN as `WIDGET_SESSION_SECRET_ARN`, and a managed policy allowing
 *   `secretsmanager:GetSecretValue` and `DescribeSecret` on this secret only.
 * - The secret is deleted with the stack (after Secrets Manager's recovery window): it protects 15-minute
 *   sessions, not data.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html
 */
export class WidgetSessionSecret extends Construct {
  readonly secret: Secret;
  readonly readCapability: CapabilityGrant;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'botops: HMAC key signing web widget session tokens',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'An HMAC key for 15-minute widget sessions, not a credential of another system: Secrets Manager has no managed rotation for it, and rotating by hand (put-secret-value) only ends sessions early. Documented in infra/constructs/widget.ts.',
    });
    const policy = new ManagedPolicy(this, 'ReadPolicy', { description: 'botops: read the widget session signing secret' });
    this.secret.grantRead(policy);
    this.readCapability = {
      policy,
      environment: { WIDGET_SESSION_SECRET_ARN: this.secret.secretArn },
      paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
        cacheSize: 10,
        secretsManagerTtl: Duration.minutes(5),
        logLevel: ParamsAndSecretsLogLevel.WARN,
      }),
    };
  }
}
