import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, CONSOLE_CSP, CONSOLE_DIST, CONSOLE_PLACEHOLDER } from '../../infra/constructs/console-hosting.js';
import { flatTemplate, newStack } from './support/stack.js';
import type { Resources } from './support/template.js';

/** The console on AWS: a private bucket behind CloudFront (OAC), the API paths routed to the HTTP API, security headers. */
const MANAGED = {
  cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  cachingOptimized: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  allViewerExceptHost: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
};

let template: Template;
let resources: Resources;
let distribution: Record<string, any>;
let built: ReturnType<typeof newStack>;

beforeAll(() => {
  built = newStack();
  template = flatTemplate(built.stack);
  resources = template.toJSON().Resources;
  distribution = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;
});

describe('console hosting', () => {
  it('lives in a nested stack of its own', () => {
    expect(built.stack.console.nestedStackParent).toBe(built.stack);
    expect(built.stack.console.node.id).toBe('ConsoleHosting');
  });

  it('serves the files from a private, encrypted, TLS-only bucket through origin access control only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: 'ConsoleLogs00024E65' }, LogFilePrefix: 'console-bucket/' },
    });
    const [oacId, oac] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::CloudFront::OriginAccessControl')!;
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const s3Origin = distribution.Origins.find((o: any) => o.S3OriginConfig);
    expect(s3Origin).toMatchObject({
      OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
      DomainName: { 'Fn::GetAtt': ['ConsoleFiles82B82817', 'RegionalDomainName'] },
    });
    // the bucket admits this distribution alone (aws:SourceArn), no public principal
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: 'ConsoleFiles82B82817' },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('routes the API paths to the HTTP API, uncached, with every viewer header but Host and every method', () => {
    const apiOrigin = distribution.Origins.find((o: any) => o.CustomOriginConfig);
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('ApiHttpApi4C294DC0');
    expect(distribution.CacheBehaviors.map((b: any) => b.PathPattern).sort()).toEqual([...API_PATHS].sort());
    for (const b of distribution.CacheBehaviors) {
      expect(b, b.PathPattern).toMatchObject({
        TargetOriginId: apiOrigin.Id,
        CachePolicyId: MANAGED.cachingDisabled,
        OriginRequestPolicyId: MANAGED.allViewerExceptHost,
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        ViewerProtocolPolicy: 'https-only',
      });
    }
  });

  it('sends the console security headers: CSP without inline scripts, HSTS, no framing', () => {
    const [policyId, policy] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy')!;
    expect(distribution.DefaultCacheBehavior).toMatchObject({
      ResponseHeadersPolicyId: { Ref: policyId },
      CachePolicyId: MANAGED.cachingOptimized,
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: CONSOLE_CSP, Override: true });
    const scripts = CONSOLE_CSP.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scripts).toBe("script-src 'self'");
    expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
    expect(headers.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: 730 * 86400, IncludeSubdomains: true, Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
  });

  it('serves index.html for client-side routes and logs requests', () => {
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
    expect(distribution.Logging).toMatchObject({ Bucket: { 'Fn::GetAtt': ['ConsoleLogs00024E65', 'RegionalDomainName'] } });
  });

  it('deploys console/dist when built, else the placeholder page, and invalidates the distribution', () => {
    expect(built.stack.console.consoleDir).toBe(existsSync(join(CONSOLE_DIST, 'index.html')) ? CONSOLE_DIST : CONSOLE_PLACEHOLDER);
    expect(newStack({}, { consoleDir: CONSOLE_PLACEHOLDER }).stack.console.consoleDir).toBe(CONSOLE_PLACEHOLDER);
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionPaths: ['/*'],
      DestinationBucketName: { Ref: 'ConsoleFiles82B82817' },
    });
  });
});
