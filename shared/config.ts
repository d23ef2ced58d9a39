import * as z from 'zod/mini';

/**
 * Every environment variable botops reads, in one place: typed, validated with zod, read once per process. The
 * CDK stack sets the deployed functions' variables; the local runtime (`npm start`) and the tests set the same
 * names for the handlers they run, plus the local runtime's own. A variable set to the empty string counts as
 * unset. An invalid value fails the first `config()` call (the cold start), naming the variable.
 *
 * Settings that only some functions have (a bus name, a queue URL) are optional here: the code that needs one
 * asks with `required(...)`, which fails loudly naming the variable.
 */

const text = z.optional(z.string());
const flag = z.pipe(
  z.optional(z.string()),
  z.transform((v) => v === 'true'),
);
const positiveInt = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.positive()), fallback);
const positiveNumber = (fallback: number) => z._default(z.coerce.number().check(z.positive()), fallback);
const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;

const Environment = z.object({
  /** `true` in the local runtime and the tests: local adapters, loopback URLs allowed, http links. */
  LOCAL_MODE: flag,
  /** The single table. */
  TABLE_NAME: text,
  /** DynamoDB Local's endpoint; unset on AWS. */
  DYNAMODB_ENDPOINT: text,
  AWS_REGION: z._default(z.string(), 'us-east-1'),
  /** The Lambda role session's token, which the Parameters and Secrets extension authenticates with. */
  AWS_SESSION_TOKEN: text,
  /** s3rver's endpoint locally; unset on AWS. */
  S3_ENDPOINT: text,
  /** The audit exports bucket. */
  EXPORT_BUCKET: text,
  /** The project's EventBridge bus. */
  EVENT_BUS_NAME: text,
  /** EventBridge Scheduler: the schedule group, the reactivation target, the role it assumes, its dead-letter queue. */
  CONTACT_SCHEDULE_GROUP: text,
  CONTACT_REACTIVATE_FUNCTION_ARN: text,
  CONTACT_SCHEDULER_ROLE_ARN: text,
  CONTACT_SCHEDULER_DLQ_ARN: text,
  /** The widget session signing secret: its Secrets Manager ARN on AWS, a file of the local data dir locally. */
  WIDGET_SESSION_SECRET_ARN: text,
  WIDGET_SESSION_SECRET_FILE: text,
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: positiveInt(2773),
  /** Widget sessions: token lifetime (s), sessions per key and window, the window (s). */
  WIDGET_SESSION_TTL_SECONDS: positiveInt(900),
  WIDGET_SESSION_RATE_LIMIT: positiveInt(300),
  WIDGET_SESSION_RATE_WINDOW_SECONDS: positiveInt(60),
  /** The base URL written into embed codes (a custom domain); default: the host the request came in on. */
  PUBLIC_BASE_URL: text,
  /** Dialouts per team and second. */
  DIALOUT_RATE_LIMIT_PER_SECOND: positiveInt(20),
  /** The first post-call push retry after about this long (s), doubling with jitter. */
  POST_CALL_PUSH_RETRY_BASE_SECONDS: positiveNumber(30),
  /** The outbox relay only takes events older than this (s); default 2 locally, 60 on AWS. */
  OUTBOX_RELAY_MIN_AGE_SECONDS: z.optional(z.coerce.number().check(z.nonnegative())),
  /** A call not ended this long (s) after its bot's max call duration is ended `failed` / `timeout` by the watchdog. */
  CALL_WATCHDOG_GRACE_SECONDS: z._default(z.coerce.number().check(z.nonnegative()), 300),
  /** How often a running audit export writes its progress (ms). */
  EXPORT_PROGRESS_INTERVAL_MS: positiveInt(2000),
  /** Log level; default INFO, SILENT under the test runner (`VITEST`). */
  LOG_LEVEL: z.optional(z.enum(LOG_LEVELS)),
  VITEST: text,
  /** Where local data lives: DynamoDB Local, s3rver files, events, credentials. */
  LOCAL_DATA_DIR: z._default(z.string(), '.local'),
  // The local runtime (`npm start`) only.
  PORT: z._default(z.coerce.number().check(z.int(), z.nonnegative()), 3000),
  HEALTH_CHECK_INTERVAL_SECONDS: positiveNumber(60),
  OUTBOX_RELAY_INTERVAL_SECONDS: positiveNumber(2),
  LOCAL_TIMER_POLL_MS: positiveInt(250),
  /** How often the local campaign dispatcher runs (ms; on AWS: every minute, and at every call end). */
  CAMPAIGN_DISPATCH_INTERVAL_MS: positiveInt(1000),
  /** How often the local call watchdog runs (s; on AWS: every minute). */
  CALL_WATCHDOG_INTERVAL_SECONDS: positiveNumber(5),
  /** `simulate`: the local runtime answers CallRequested events like a telephony provider (ringing, in progress, an outcome). */
  LOCAL_TELEPHONY: z.optional(z.enum(['off', 'simulate'])),
  /** The simulator's mix of outcomes, in weights: `completed`, `no_answer`, `busy`, `voicemail`, `failed`, `stuck` (never ends). */
  LOCAL_TELEPHONY_OUTCOMES: z._default(z.string(), 'completed:60,no_answer:25,busy:10,voicemail:5'),
  /** The simulator's delays (ms): before ringing, before in progress, before the outcome. */
  LOCAL_TELEPHONY_DELAYS_MS: z._default(z.string(), '200,300,1500'),
  LOG_REQUESTS: flag,
  /** Checks every function's DynamoDB requests against its declared partitions: `enforce` refuses, `warn` logs. */
  LOCAL_PARTITION_CHECK: z._default(z.enum(['enforce', 'warn', 'off']), 'enforce'),
});

/** Lambda functions of asynchronous invocations and work queues, by variable name (`ASYNC_TARGET_<NAME>`, `QUEUE_URL_<NAME>`). */
type Targets = { ASYNC_TARGETS: Record<string, string>; QUEUE_URLS: Record<string, string> };

export type Config = z.output<typeof Environment> & Targets & { LOG_LEVEL: (typeof LOG_LEVELS)[number] };

let cached: Config | undefined;

/** The settings of this process, parsed from the environment at the first call. */
export function config(): Config {
  cached ??= parse(process.env);
  return cached;
}

/**
 * Forgets the parsed settings, so the next `config()` reads the environment again: for the local runtime once it
 * has set its handlers' variables, and for tests that change a variable.
 */
export function resetConfig(): void {
  cached = undefined;
}

/** `LOCAL_MODE=true`: set only by the local runtime (`npm start`) and the test suite. The only way to ask. */
export function isLocalMode(): boolean {
  return config().LOCAL_MODE;
}

/** `value`, or an error naming `variable` when a function that needs it runs without it (a deployment error). */
export function required<T>(value: T | undefined, variable: string): T {
  if (value === undefined) throw new Error(`environment variable ${variable} is not set`);
  return value;
}

function parse(env: NodeJS.ProcessEnv): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
  const parsed = Environment.safeParse(set);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')} (${JSON.stringify(set[String(i.path[0])])}): ${i.message}`);
    throw new Error(`invalid environment: ${issues.join('; ')}`);
  }
  const byPrefix = (prefix: string) => Object.fromEntries(Object.entries(set).filter(([k]) => k.startsWith(prefix)));
  return {
    ...parsed.data,
    LOG_LEVEL: parsed.data.LOG_LEVEL ?? (parsed.data.VITEST ? 'SILENT' : 'INFO'),
    ASYNC_TARGETS: byPrefix('ASYNC_TARGET_'),
    QUEUE_URLS: byPrefix('QUEUE_URL_'),
  };
}
