import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { config, required } from '../config.js';

/**
 * Port: the object store holding audit CSV exports. On AWS it is the stack's S3 bucket (`EXPORT_BUCKET`, set
 * by the CDK stack). Locally (`S3_ENDPOINT` set by `npm start` and the tests) the same S3 client talks to
 * s3rver, with the settings it needs: path-style URLs, checksums only when required
 * (streamed uploads are stored corrupted otherwise) and s3rver's built-in credentials `S3RVER`/`S3RVER`,
 * the only key pair it accepts, so presigned URLs it is handed also work with curl.
 */
let client: S3Client | undefined;

/** The process's one S3 client, created on first use (so tests can point `S3_ENDPOINT` at s3rver first). */
export function s3(): S3Client {
  const { S3_ENDPOINT: endpoint, AWS_REGION: region } = config();
  client ??= new S3Client(
    endpoint
      ? {
          endpoint,
          region,
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : {},
  );
  return client;
}

/** Name of the exports bucket. Throws when `EXPORT_BUCKET` is not set. */
export const exportBucket = (): string => required(config().EXPORT_BUCKET, 'EXPORT_BUCKET');

/**
 * A presigned `GET` URL for `key` in the exports bucket, valid `expiresInSeconds` (SigV4 query signing,
 * `X-Amz-Expires`), answering with `Content-Disposition: attachment; filename="<filename>"`.
 * On Lambda the URL also stops working when the role session that signed it expires, which can be earlier.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html
 */
export async function presignedDownload(
  key: string,
  filename: string,
  expiresInSeconds: number,
): Promise<{ url: string; expiresAt: string }> {
  // Loaded on first use: the exporter, which shares this module, never presigns.
  const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
  const signingDate = new Date(Math.floor(Date.now() / 1000) * 1000); // X-Amz-Date has whole seconds
  const url = await getSignedUrl(
    s3(),
    new GetObjectCommand({
      Bucket: exportBucket(),
      Key: key,
      ResponseContentDisposition: `attachment; filename="${filename}"`,
      ResponseContentType: 'text/csv; charset=utf-8',
    }),
    { expiresIn: expiresInSeconds, signingDate },
  );
  return { url, expiresAt: new Date(signingDate.getTime() + expiresInSeconds * 1000).toISOString() };
}
