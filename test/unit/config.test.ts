import { afterEach, describe, expect, it } from 'vitest';
import { config, isLocalMode, required, resetConfig } from '../../shared/config.js';

describe('configuration from the environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetConfig();
  });

  it('reads each variable once, typed, with its default; an empty value counts as unset', () => {
    process.env.DIALOUT_RATE_LIMIT_PER_SECOND = '';
    process.env.WIDGET_SESSION_TTL_SECONDS = '120';
    process.env.POST_CALL_PUSH_RETRY_BASE_SECONDS = '0.05';
    resetConfig();
    expect(config()).toMatchObject({
      DIALOUT_RATE_LIMIT_PER_SECOND: 20,
      WIDGET_SESSION_TTL_SECONDS: 120,
      POST_CALL_PUSH_RETRY_BASE_SECONDS: 0.05,
    });
    process.env.WIDGET_SESSION_TTL_SECONDS = '60';
    expect(config().WIDGET_SESSION_TTL_SECONDS).toBe(120);
    resetConfig();
    expect(config().WIDGET_SESSION_TTL_SECONDS).toBe(60);
  });

  it('fails loudly, naming the variable and its value, on an invalid setting', () => {
    process.env.DIALOUT_RATE_LIMIT_PER_SECOND = '0';
    resetConfig();
    expect(() => config()).toThrow(/DIALOUT_RATE_LIMIT_PER_SECOND \("0"\)/);
  });

  it('answers local mode only for LOCAL_MODE=true, and names a missing required setting', () => {
    process.env.LOCAL_MODE = 'yes';
    resetConfig();
    expect(isLocalMode()).toBe(false);
    expect(() => required(config().EVENT_BUS_NAME, 'EVENT_BUS_NAME')).toThrow('environment variable EVENT_BUS_NAME is not set');
  });

  it('collects the functions of asynchronous targets and the URLs of work queues by variable name', () => {
    process.env.ASYNC_TARGET_AUDIT_EXPORTER = 'botops-exporter';
    process.env.QUEUE_URL_POST_CALL_PUSH = 'https://sqs.eu-west-1.amazonaws.com/1/push';
    resetConfig();
    expect(config().ASYNC_TARGETS).toEqual({ ASYNC_TARGET_AUDIT_EXPORTER: 'botops-exporter' });
    expect(config().QUEUE_URLS).toEqual({ QUEUE_URL_POST_CALL_PUSH: 'https://sqs.eu-west-1.amazonaws.com/1/push' });
  });
});
