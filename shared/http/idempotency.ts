import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dynamo, tableName } from '../db/client.js';
import { IDEMPOTENCY_PARTITION } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table.js';
import type { ApiEvent } from './handler.js';
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

/**
 * `Idempotency-Key` for a create route (spec, Conventions): same key + same body within 24 h replays the first
 * response; same key + another body answers 422; a duplicate while the first still runs answers 409 (both
 * mapped in `handler.ts`). Without the header the request runs normally. Keys are scoped to the caller's team
 * and the route, so two teams (or two routes) can never replay each other's responses.
 */
export function idempotent(route: RouteDef): MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2>[] {
  const powertools = makeHandlerIdempotent({
    persistenceStore: idempotencyStore(),
    keyPrefix: route.operation,
    config: new IdempotencyConfig({
      eventKeyJmesPath: 'idempotencyScope',
      payloadValidationJmesPath: 'body',
      expiresAfterSeconds: 24 * 60 * 60,
    }),
  }) as MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2>;
  return [
    idempotencyScope(route),
    {
      before: powertools.before,
      after: powertools.after,
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
      const teamId = request.event.requestContext.authorizer?.lambda?.teamId ?? '-';
      request.event.idempotencyScope = `${teamId} ${route.operation} ${key}`;
    },
  };
}
