import { Logger } from '@aws-lambda-powertools/logger';

/** One Powertools logger per process. Never log request bodies or Authorization headers: they carry secrets. */
export const logger = new Logger({
  serviceName: 'botops',
  logLevel:
    (process.env.LOG_LEVEL as 'INFO' | 'DEBUG' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? (process.env.VITEST ? 'SILENT' : 'INFO'),
});
