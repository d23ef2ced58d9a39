import { Logger } from '@aws-lambda-powertools/logger';
import { config } from './config.js';

/** One Powertools logger per process. Never log request bodies or Authorization headers: they carry secrets. */
export const logger = new Logger({ serviceName: 'botops', logLevel: config().LOG_LEVEL });
