import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startS3Local } from '../../infra/local/s3.js';
import { resetConfig } from '../../shared/config.js';

/**
 * s3rver on a temp dir for one test file, with the handlers' S3 environment pointed at it (`S3_ENDPOINT`,
 * `EXPORT_BUCKET`). Call before the first use of `shared/ports/object-store.ts`'s client, which reads them once.
 */
export async function startTestS3() {
  const directory = mkdtempSync(join(tmpdir(), 'botops-s3-'));
  const s3 = await startS3Local(directory);
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.EXPORT_BUCKET = s3.bucket;
  resetConfig();
  return {
    ...s3,
    directory,
    stop: async () => {
      await s3.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
