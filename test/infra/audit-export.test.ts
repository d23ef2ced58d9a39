import { Match, type Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BotopsStack } from '../../infra/stack.js';
import { flatTemplate, newStack as newApp } from './support/stack.js';
import { type Resource, type Statement, roleOf, roleStatements } from './support/template.js';

/*
 * The audit export's resources in the synthesized template: bucket, exporter, async invocation,
 * and least-privilege grants, reached by following references (function -> role -> policies).
 */

const newStack = (context: Record<string, unknown> = {}) => newApp(context).stack;

let template: Template;
let resources: Record<string, Resource>;
const ids: Record<'bucket' | 'logs' | 'exporter' | 'queue' | 'table', string> = {} as never;

const idOf = (scope: { node: { defaultChild?: unknown } }, stack: BotopsStack) => stack.getLogicalId(scope.node.defaultChild as never);

/** Every Allow statement of the policies attached to the function's role. */
function statementsOf(functionId: string): Statement[] {
  return roleStatements(resources, roleOf(resources[functionId]!)).filter((s) => s.Effect === 'Allow');
}
const actionsOf = (functionId: string) => new Set(statementsOf(functionId).flatMap((s) => [s.Action].flat()));
const functionByDescription = (prefix: string) => {
  const found = Object.entries(resources).filter(
    ([, r]) => r.Type === 'AWS::Lambda::Function' && String(r.Properties.Description).startsWith(prefix),
  );
  expect(found, prefix).toHaveLength(1);
  return found[0]![0];
};
const exportObjects = () => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [ids.bucket, 'Arn'] }, '/exports/*']] });

beforeAll(() => {
  const stack = newStack();
  template = flatTemplate(stack);
  resources = template.toJSON().Resources;
  ids.bucket = idOf(stack.auditExport.bucket, stack);
  ids.logs = idOf(stack.auditExport.accessLogsBucket, stack);
  ids.exporter = idOf(stack.auditExport.exporter, stack);
  ids.queue = idOf(stack.auditExport.failures, stack);
  ids.table = idOf(stack.table, stack);
});

describe('audit export bucket', () => {
  it('is encrypted, private, TLS-only, logs its access, and expires exports after 7 days', () => {
    expect(resources[ids.bucket]).toMatchObject({
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: { Ref: ids.logs }, LogFilePrefix: 'exports-bucket/' },
        LifecycleConfiguration: {
          Rules: [
            { Id: 'expire-exports', Status: 'Enabled', ExpirationInDays: 7, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
          ],
        },
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: ids.bucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('delivers access logs by bucket policy to a private, TLS-only bucket kept 90 days', () => {
    expect(resources[ids.logs]!.Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: 90, Status: 'Enabled' }] },
    });
    expect(resources[ids.logs]!.Properties.AccessControl).toBeUndefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: ids.logs },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' }),
        ]),
      },
    });
  });

  it('is deleted with the stack when destroyable=true', () => {
    const dev = newStack({ destroyable: 'true' });
    const t = flatTemplate(dev);
    expect(t.toJSON().Resources[idOf(dev.auditExport.bucket, dev)].DeletionPolicy).toBe('Delete');
  });
});

describe('audit exporter function', () => {
  it('runs functions/audit-exporter.ts for up to 15 minutes with 1024 MB, the table and the bucket', () => {
    expect(resources[ids.exporter]!.Properties).toMatchObject({
      Description: 'async: audit CSV export -> functions/audit-exporter.ts',
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 900,
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: ids.table },
          EXPORT_BUCKET: { Ref: ids.bucket },
          NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=1 --max-old-space-size=128',
        },
      },
    });
  });

  it('is invoked asynchronously with 2 retries within 15 minutes, then an SQS on-failure destination', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: ids.exporter },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 900,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [ids.queue, 'Arn'] } } },
    });
    expect(resources[ids.queue]!.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: ids.queue }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('may write export objects and abort their uploads, send to its failure queue, use team partitions of the table; nothing else', () => {
    const statements = statementsOf(ids.exporter);
    const s3 = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([expect.objectContaining({ Action: ['s3:PutObject', 's3:AbortMultipartUpload'], Resource: exportObjects() })]);
    const actions = actionsOf(ids.exporter);
    expect(actions).toContain('sqs:SendMessage');
    for (const a of ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem']) expect(actions).toContain(a);
    for (const a of ['dynamodb:Scan', 's3:GetObject', 's3:DeleteObject', 'lambda:InvokeFunction']) expect(actions).not.toContain(a);
    for (const s of statements.filter((x) => [x.Action].flat().some((a) => a.startsWith('dynamodb:')))) {
      expect(s.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TEAM#*'] } });
    }
  });

  it('counts the exports it records as failed with a metric filter on its log group', () => {
    const logGroup = resources[ids.exporter]!.Properties.LoggingConfig.LogGroup;
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: logGroup,
      FilterPattern: '{ $.message = "audit export failed" }',
      MetricTransformations: [{ MetricNamespace: 'botops', MetricName: 'AuditExportFailures', MetricValue: '1', DefaultValue: 0 }],
    });
  });
});

describe('export routes', () => {
  it('POST /audit-logs/exports may invoke the exporter, by name from ASYNC_TARGET_AUDIT_EXPORTER, and nothing in S3', () => {
    const fn = functionByDescription('POST /api/teams/{teamId}/audit-logs/exports ->');
    expect(resources[fn]!.Properties.Environment.Variables.ASYNC_TARGET_AUDIT_EXPORTER).toEqual({ Ref: ids.exporter });
    const invoke = statementsOf(fn).filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
    expect(invoke).toEqual([
      expect.objectContaining({ Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [ids.exporter, 'Arn'] } }),
    ]);
    expect([...actionsOf(fn)].filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it('GET /audit-logs/exports/{exportId} may read export objects (to presign), and neither write them nor invoke', () => {
    const fn = functionByDescription('GET /api/teams/{teamId}/audit-logs/exports/{exportId} ->');
    expect(resources[fn]!.Properties.Environment.Variables.EXPORT_BUCKET).toEqual({ Ref: ids.bucket });
    const s3 = statementsOf(fn).filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([expect.objectContaining({ Action: 's3:GetObject', Resource: exportObjects() })]);
    expect(actionsOf(fn)).not.toContain('lambda:InvokeFunction');
    expect(actionsOf(fn)).not.toContain('dynamodb:PutItem');
  });

  it('no other function may touch the export bucket or start the exporter', () => {
    const privileged = new Set([
      ids.exporter,
      functionByDescription('POST /api/teams/{teamId}/audit-logs/exports ->'),
      functionByDescription('GET /api/teams/{teamId}/audit-logs/exports/{exportId} ->'),
    ]);
    for (const [id, r] of Object.entries(resources)) {
      if (r.Type !== 'AWS::Lambda::Function' || privileged.has(id)) continue;
      // other concerns have their own queues and async targets (purge, push); none of them is the export's
      const touching = statementsOf(id).filter((s) => JSON.stringify(s.Resource ?? '').match(new RegExp(`${ids.bucket}|${ids.exporter}`)));
      expect(touching, r.Properties.Description).toEqual([]);
    }
  });

  it('outputs the bucket name', () => {
    template.hasOutput('ExportBucketName', { Value: { Ref: ids.bucket } });
  });
});

describe('cdk-nag', () => {
  it('keeps the export prefix acknowledgement narrow: a wider grant on the exporter is still reported', () => {
    const stack = newStack();
    stack.auditExport.exporter.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [stack.auditExport.bucket.arnForObjects('*')] }),
    );
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual([
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<AuditExportExports\w+\.Arn>\/\*\]$/),
    ]);
    expect(report.violations[0]!.violatingResources.map((r) => r.constructPath)).toEqual([
      'Botops/AuditExport/ExporterFunctionRole/DefaultPolicy/Resource',
    ]);
  });
});
