import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { JOB_NEEDS } from '../route-needs.js';
import { EXPORTER_TARGET, EXPORT_BUCKET_ENV, EXPORT_RETENTION_DAYS } from '../../shared/audit/export-settings.js';
import { envNameOf } from '../../shared/ports/async-invoke.js';
import { BotopsFunction, type CapabilityGrant } from './botops-function.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { METRIC_NAMESPACE } from './monitoring-names.js';
import { acknowledgeWildcardResource } from './nag.js';

export interface AuditExportProps {
  /** The single table: the exporter reads the audit events and writes the export's status and progress. */
  readonly table: ITable;
  /**
   * What happens to the buckets and the log group when they leave the stack. A bucket is only deleted when
   * empty: exports expire after 7 days, access logs after 90.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The exporter's limits: Lambda's longest timeout, and memory for 1M rows with room (the bench peaks near 110 MB). */
export const EXPORTER_TIMEOUT = Duration.minutes(15);
export const EXPORTER_MEMORY_MB = 1024;
/**
 * V8 settings of the exporter (and of the bench's exporter process): a 1 MiB young generation and a 128 MiB
 * old-space limit make V8 collect promptly the 5 MiB part buffers lib-storage drops (memory outside the JS
 * heap, freed only by a full GC); with Node's defaults they pile up to ~170 MB before one runs. The live heap
 * stays near 25 MB, so the limit leaves a wide margin. `npm run bench -- audit-export` measures both.
 */
export const EXPORTER_NODE_OPTIONS = '--enable-source-maps --max-semi-space-size=1 --max-old-space-size=128';

/**
 * The audit CSV export: an S3 bucket for the files, the exporter function, and the grants that let
 * the two export routes use them.
 *
 * - Bucket: SSE-S3 encryption, every public access blocked, TLS only (`aws:SecureTransport` deny), objects
 *   expire after {@link EXPORT_RETENTION_DAYS} days and unfinished multipart uploads are aborted after one day
 *   (what a killed run leaves); server access logs (who downloaded what) go to a second bucket, kept 90 days.
 * - Exporter (`functions/audit-exporter.ts`): {@link EXPORTER_TIMEOUT}, {@link EXPORTER_MEMORY_MB} MB, V8 flags
 *   {@link EXPORTER_NODE_OPTIONS}; invoked asynchronously by the request route; Lambda retries a crashed run twice
 *   within 15 minutes (the exporter resumes only a run that stopped reporting), then hands the event to a
 *   dead-letter queue. Grants: the team partitions of the table (status, progress, audit events) and
 *   `s3:PutObject` + `s3:AbortMultipartUpload` on `exports/*` only. A metric filter on its log group counts the
 *   exports it recorded as failed (`AuditExportFailures` in the `botops` namespace).
 * - `startCapability` (the `auditExportStart` need of the request route): `ASYNC_TARGET_AUDIT_EXPORTER` and
 *   `lambda:InvokeFunction` on the exporter alone.
 * - `downloadCapability` (`auditExportDownload`, the status route): `EXPORT_BUCKET` and `s3:GetObject` on
 *   `exports/*` (a presigned URL carries its signer's rights).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html
 */
export class AuditExport extends Construct {
  readonly bucket: Bucket;
  readonly accessLogsBucket: Bucket;
  readonly exporter: BotopsFunction;
  readonly failures: DeadLetterQueue;
  readonly startCapability: CapabilityGrant;
  readonly downloadCapability: CapabilityGrant;
  /** Count of exports the exporter recorded as failed (a metric filter on its log group). */
  readonly failureMetricName = 'AuditExportFailures';

  constructor(scope: Construct, id: string, props: AuditExportProps) {
    super(scope, id);
    // Access-log delivery authorised by a bucket policy for logging.s3.amazonaws.com, not an ACL (ACLs stay off).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      removalPolicy,
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the server access logs of the exports bucket; logging it into itself would log its own log deliveries.',
    });

    this.bucket = new Bucket(this, 'Exports', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'exports-bucket/',
      lifecycleRules: [
        { id: 'expire-exports', expiration: Duration.days(EXPORT_RETENTION_DAYS), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy,
    });
    const exportObjects = this.bucket.arnForObjects('exports/*');

    this.failures = new DeadLetterQueue(this, 'ExporterFailures', {
      holds: "audit exporter invocations that failed after Lambda's retries",
    });
    const objectsReason =
      'Export files are objects under exports/ of the exports bucket; the key holds the team and export ids, so the grant must cover that prefix.';

    const writePolicy = new ManagedPolicy(this, 'WritePolicy', {
      description: 'botops: write audit export files',
      statements: [new PolicyStatement({ actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resources: [exportObjects] })],
    });
    acknowledgeWildcardResource(writePolicy, exportObjects, objectsReason);
    this.exporter = new BotopsFunction(this, 'ExporterFunction', {
      module: 'audit-exporter',
      description: 'async: audit CSV export -> functions/audit-exporter.ts',
      memorySize: EXPORTER_MEMORY_MB,
      timeout: EXPORTER_TIMEOUT,
      environment: { [EXPORT_BUCKET_ENV]: this.bucket.bucketName, NODE_OPTIONS: EXPORTER_NODE_OPTIONS },
      logRemovalPolicy: removalPolicy,
      needs: JOB_NEEDS['audit-exporter'],
      resources: { table: props.table, capabilities: { auditExportWrite: { policy: writePolicy } } },
    });
    this.exporter.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.minutes(15),
      onFailure: new SqsDestination(this.failures),
    });

    new MetricFilter(this, 'FailureMetricFilter', {
      logGroup: this.exporter.functionLogGroup,
      // The exporter's Powertools logger writes one JSON line per failed export.
      filterPattern: FilterPattern.stringValue('$.message', '=', 'audit export failed'),
      metricNamespace: METRIC_NAMESPACE,
      metricName: this.failureMetricName,
      metricValue: '1',
      defaultValue: 0,
    });

    const startPolicy = new ManagedPolicy(this, 'StartPolicy', {
      description: 'botops: start the audit exporter (asynchronous invoke)',
      statements: [new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.exporter.functionArn] })],
    });
    this.startCapability = { policy: startPolicy, environment: { [envNameOf(EXPORTER_TARGET)]: this.exporter.functionName } };

    const downloadPolicy = new ManagedPolicy(this, 'DownloadPolicy', {
      description: 'botops: read audit export files (presigned download links)',
      statements: [new PolicyStatement({ actions: ['s3:GetObject'], resources: [exportObjects] })],
    });
    acknowledgeWildcardResource(downloadPolicy, exportObjects, objectsReason);
    this.downloadCapability = { policy: downloadPolicy, environment: { [EXPORT_BUCKET_ENV]: this.bucket.bucketName } };
  }
}
