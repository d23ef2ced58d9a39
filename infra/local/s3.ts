import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import { freePort } from './ports.js';

/** The bucket audit exports are written to, locally and (by name prefix) on AWS. */
export const LOCAL_EXPORT_BUCKET = 'botops-exports';

/**
 * Starts s3rver on a loopback port with files under `directory` and the exports bucket configured.
 * Clients must use `forcePathStyle: true` and `requestChecksumCalculation: 'WHEN_REQUIRED'` (s3rver stores streamed uploads corrupted otherwise).
 */
export async function startS3Local(directory: string, port?: number) {
  mkdirSync(directory, { recursive: true });
  const p = port ?? (await freePort());
  const server = new S3rver({
    address: '127.0.0.1',
    port: p,
    directory,
    silent: true,
    configureBuckets: [{ name: LOCAL_EXPORT_BUCKET, configs: [] }],
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${p}`, bucket: LOCAL_EXPORT_BUCKET, stop: () => server.close() };
}
