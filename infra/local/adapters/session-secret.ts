import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { config } from '../../../shared/config.js';
import type { SecretSource } from '../../../shared/ports/session-secret.js';

let ephemeral: Buffer | undefined;

/**
 * The local adapter of the widget session secret: 32 random bytes written once to `WIDGET_SESSION_SECRET_FILE`
 * (`<LOCAL_DATA_DIR>/widget-session-secret`, mode 0600), so tokens survive a restart like the rest of the local
 * data. Without that variable (in-process tests) a random secret lives as long as the process.
 */
export class LocalFileSecret implements SecretSource {
  async read(): Promise<Buffer> {
    const file = config().WIDGET_SESSION_SECRET_FILE;
    if (!file) {
      ephemeral ??= randomBytes(32);
      return ephemeral;
    }
    try {
      return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    mkdirSync(dirname(file), { recursive: true });
    try {
      // `wx`: when two processes race to create it, the second one reads the first one's secret.
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
}
