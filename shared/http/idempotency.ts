import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dynamo, tableName } from '../db/client.js';
import { IDEMPOTENCY_PARTITION } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table.js';
import type { ApiEvent, IdempotencyMiddleware } from './handler.js';
import { HttpProblem } from './problem.js';
import type { RouteDef } from './route.js';

let store: DynamoDBPersistenceLayer | undefined;

/**
 * Powertools idempotency records live in the single table under `PK = IDEMPOTENCY`, `SK = <operation>#<hash>`,
 * expiring through the table's TTL attribute. Created on first use so the table name can be set late (tests).
 */
export function idempotencyStore(): DynamoDBPersistenceLayer {
  store ??= new DynamoDBPersistenceLayer({
    tableName: tableName(),
    keyAttr: 'PK',
    sortKeyAttr: 'SK',
    staticPkValue: IDEMPOTENCY_PARTITION,
    expiryAttr: TTL_ATTRIBUTE,
    awsSdkV3Client: dynamo,
  });
  return store;
}

/** Options of {@link idempotent}. */
export type IdempotencyOptions = {
  /**
   * Turns the response into what is stored for replays, for responses that carry a secret shown once: the
   * first caller gets the response as it is, a replay gets this redacted copy (never the secret in clear).
   */
  redactReplay?: (response: APIGatewayProxyStructuredResultV2) => APIGatewayProxyStructuredResultV2;
};

/**
 * `Idempotency-Key` for a route whose row says `idempotency: true`: same key + same body
 * within 24 h replays the first response; same key + another body answers 422; a duplicate while the first still
 * runs answers 409 (both mapped in `problem.ts`). Without the header the request runs normally. Pass the result
 * to `api()`, which gives it the row.
 *
 * A record is scoped to the operation, the request's path parameters and the calling API key: two teams, two
 * routes, two objects (cloning bot A vs bot B) or two callers of one team (an admin reusing a super admin's
 * key) never replay each other's responses.
 */
export function idempotent(options: IdempotencyOptions = {}): IdempotencyMiddleware {
  return (route) => idempotencyMiddleware(route, options);
}

function idempotencyMiddleware(route: RouteDef, options: IdempotencyOptions): MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2>[] {
  const powertools = makeHandlerIdempotent({
    persistenceStore: idempotencyStore(),
    keyPrefix: route.operation,
    config: new IdempotencyConfig({
      eventKeyJmesPath: 'idempotencyScope',
      payloadValidationJmesPath: 'body',
      expiresAfterSeconds: 24 * 60 * 60,
    }),
  }) as MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2>;
  const { redactReplay } = options;
  return [
    idempotencyScope(route),
    {
      before: powertools.before,
      after: async (request) => {
        const response = request.response;
        if (redactReplay && response) request.response = redactReplay(response);
        try {
          await powertools.after?.(request);
        } finally {
          request.response = response;
        }
      },
      // Middy runs onError for errors thrown in `before` too. Powertools' onError deletes the record, so a
      // concurrent duplicate (409) or a reused key (422) would delete the *first* request's record and let the
      // next retry run again. Only errors of the handler itself may release the key.
      onError: async (request) => {
        if (request.error?.name?.startsWith('Idempotency')) return;
        await powertools.onError?.(request);
      },
    },
  ];
}

/** `<team> <key id> <operation> <name=value of each path parameter, sorted> <Idempotency-Key>`. */
function idempotencyScope(route: RouteDef): MiddlewareObj<ApiEvent> {
  return {
    before: (request) => {
      const key = request.event.headers?.['idempotency-key'];
      if (key === undefined) return;
      if (key.length === 0 || key.length > 255) {
        throw new HttpProblem(400, 'Validation failed', 'Idempotency-Key must be 1 to 255 characters.', [
          { path: 'Idempotency-Key', message: 'must be 1 to 255 characters' },
        ]);
      }
      const principal = request.event.requestContext.authorizer?.lambda;
      const caller = principal?.keyId ?? principal?.memberId ?? '-';
      const params = Object.entries(request.event.pathParameters ?? {})
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, value]) => `${name}=${encodeURIComponent(value ?? '')}`)
        .join('&');
      request.event.idempotencyScope = `${principal?.teamId ?? '-'} ${caller} ${route.operation} ${params} ${key}`;
    },
  };
}

/**
 * A `redactReplay` that stores a JSON response with `fields` set to null and listed in `redactedOnReplay`:
 * a replay tells the caller the object exists and that its secret was shown once, in the first response.
 */
export function redactFields(fields: readonly string[]): NonNullable<IdempotencyOptions['redactReplay']> {
  return (response) => {
    if (typeof response.body !== 'string') return response;
    const body = JSON.parse(response.body) as Record<string, unknown>;
    for (const f of fields) if (f in body) body[f] = null;
    return { ...response, body: JSON.stringify({ ...body, redactedOnReplay: fields }) };
  };
}
