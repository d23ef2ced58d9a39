import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, NestedStack, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { type Policy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { REPO_ROOT } from '../build/layout.js';
import { LOG_RETENTION } from './botops-function.js';
import { nagName } from './nag.js';

/** The console's build output (`npm run build:console`). */
export const CONSOLE_DIST = join(REPO_ROOT, 'console', 'dist');
/** Deployed instead when the console was not built, so `cdk synth` never needs a console build. */
export const CONSOLE_PLACEHOLDER = join(REPO_ROOT, 'infra', 'console-placeholder');

/** Paths CloudFront sends to the HTTP API rather than to the console's files. */
export const API_PATHS = ['/api/*', '/widget/*', '/openapi.json', '/health'] as const;

/**
 * The console's Content-Security-Policy: scripts, styles, images, fonts and API calls from its own origin only
 * (the API is on the same origin); inline styles allowed for the components' style attributes, inline scripts
 * never; no plugins, no framing, no foreign form targets.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  'upgrade-insecure-requests',
].join('; ');

/** A viewer-request function of the console behaviour: paths without a file extension serve `/index.html`. */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export interface ConsoleHostingProps {
  readonly httpApi: HttpApi;
  /** Buckets' fate when they leave the stack (a bucket is deleted only when empty). @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** Directory of the built console. @default `console/dist` when it exists, else the placeholder page */
  readonly consoleDir?: string;
}

/**
 * The web console on AWS, in a nested stack of its own: the built files in a private S3 bucket behind a CloudFront
 * distribution, which also routes the API's paths to the HTTP API, so the console calls the API on its own origin
 * (no CORS).
 *
 * - Default behaviour: the bucket through origin access control (SigV4-signed requests; the bucket policy admits
 *   only this distribution), HTTPS (HTTP redirects), cached with the managed CachingOptimized policy, a
 *   viewer-request function serving `/index.html` for client-side routes, and a response headers policy: CSP
 *   {@link CONSOLE_CSP} (no inline scripts), HSTS two years with subdomains, `X-Frame-Options: DENY`, `nosniff`,
 *   `Referrer-Policy: strict-origin-when-cross-origin`.
 * - {@link API_PATHS}: the HTTP API's `$default` stage over HTTPS, caching disabled, every viewer header except
 *   `Host` (and the query string and cookies) forwarded, every method allowed; the API answers its own headers.
 * - Files: `console/dist` (`npm run build:console`) when it exists, otherwise a one-page placeholder saying the
 *   console was not built, so `cdk synth` never needs the console. Each deploy uploads them and invalidates `/*`.
 * - Logs: CloudFront standard logs and the bucket's server access logs go to a log bucket kept 90 days.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
 */
export class ConsoleHostingStack extends NestedStack {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  readonly headersPolicy: ResponseHeadersPolicy;
  /** The directory deployed: `console/dist` or the placeholder. */
  readonly consoleDir: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id, { description: 'botops web console: S3 + CloudFront' });
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.consoleDir = props.consoleDir ?? (existsSync(join(CONSOLE_DIST, 'index.html')) ? CONSOLE_DIST : CONSOLE_PLACEHOLDER);

    this.logBucket = new Bucket(this, 'ConsoleLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // CloudFront standard logging writes with an ACL grant, so this bucket keeps ACLs (owner preferred).
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
      removalPolicy,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the CloudFront and console-bucket access logs; logging it into itself would log its own log deliveries.',
    });

    this.bucket = new Bucket(this, 'ConsoleFiles', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'console-bucket/',
      removalPolicy,
    });

    this.headersPolicy = new ResponseHeadersPolicy(this, 'ConsoleHeaders', {
      comment: 'botops console: CSP without inline scripts, HSTS, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CONSOLE_CSP, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    const stack = Stack.of(this);
    const apiOrigin = new HttpOrigin(`${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    });
    const apiBehavior = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'botops console and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headersPolicy,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'SpaRewrite', {
              comment: 'botops console: client-side routes serve /index.html',
              code: FunctionCode.fromInline(SPA_REWRITE),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: Object.fromEntries(API_PATHS.map((path) => [path, apiBehavior])),
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'botops serves its teams wherever they are; a geo restriction is a per-deployment choice, not a default.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'AWS WAF costs at least $5 a month per web ACL plus $1 per rule; the API authenticates every route and throttles at the stage. Attach a web ACL per deployment where required.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes (TLSv1); a custom domain with its own certificate sets TLSv1.2_2021.',
    });

    const deploymentRole = new Role(this, 'ConsoleFilesDeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Uploads the console files and invalidates the distribution (CDK BucketDeployment)',
    });
    const deploymentLogs = new LogGroup(this, 'ConsoleFilesDeploymentLogs', { retention: LOG_RETENTION, removalPolicy });
    deploymentLogs.grantWrite(deploymentRole);
    new BucketDeployment(this, 'ConsoleFilesDeployment', {
      sources: [Source.asset(this.consoleDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      retainOnDelete: removalPolicy === RemovalPolicy.RETAIN,
      memoryLimit: 512,
      role: deploymentRole,
      logGroup: deploymentLogs,
    });
    acknowledgeBucketDeployment(this, deploymentRole);
  }

  /** `https://<id>.cloudfront.net`: the console, and the API under `/api`. */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}

/**
 * The findings of CDK's BucketDeployment provider (a Lambda function aws-cdk-lib writes and maintains),
 * acknowledged on it alone: its Python runtime is the one aws-cdk-lib ships it with, and its role's wildcards are
 * the construct's own grants, scoped to the CDK asset bucket and the console bucket (S3 action families such as
 * `s3:GetObject*` to copy the asset archive and prune stale files) and to CloudFront invalidations (no
 * resource-level permission, so `*`).
 */
function acknowledgeBucketDeployment(stack: Stack, role: Role): void {
  const provider = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!provider) throw new Error('BucketDeployment provider function not found');
  Validations.of(provider).acknowledge({
    id: 'AwsSolutions-L1',
    reason: "The runtime of CDK's BucketDeployment provider is chosen and updated by aws-cdk-lib, which builds and tests its code on it.",
  });
  const policy = role.node.tryFindChild('DefaultPolicy') as Policy | undefined;
  const statements = (policy?.document.toJSON()?.Statement ?? []) as { Action: string | string[]; Resource: unknown }[];
  for (const st of statements) {
    for (const action of [st.Action].flat().filter((a) => a.includes('*'))) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `BucketDeployment's own grant (${action}) to copy the console's asset archive into the console bucket and prune stale files.`,
      });
    }
    for (const resource of [st.Resource].flat()) {
      const name = nagName(stack, resource);
      if (!name.includes('*')) continue;
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${name}]`,
        reason:
          name === '*'
            ? 'CloudFront invalidations (CreateInvalidation, GetInvalidation) as BucketDeployment grants them, after each upload.'
            : `Objects of the bucket BucketDeployment reads from (the CDK asset bucket) or writes to (the console bucket): ${name}.`,
      });
    }
  }
}
