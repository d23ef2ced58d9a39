import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/bots/get.js';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const event = {
  version: '2.0',
  routeKey: 'GET /api/teams/{teamId}/bots/{botId}',
  rawPath: '/api/teams/T1/bots/B1',
  rawQueryString: '',
  headers: {},
  pathParameters: { teamId: 'T1', botId: 'B1' },
  isBase64Encoded: false,
  requestContext: {
    http: { method: 'GET' },
    authorizer: { lambda: { teamId: 'T1', memberId: 'M1', email: 'a@b.c', role: 'member', keyId: 'K' } },
  },
};
const context = { getRemainingTimeInMillis: () => 10_000, functionName: 'test' };

describe('errors that are not the caller’s fault', () => {
  it('answer a bare 500 problem without internals when DynamoDB fails unexpectedly', async () => {
    ddb.on(GetCommand).rejects(new Error('connect ECONNREFUSED 10.1.2.3:443 arn:aws:dynamodb:secret-table'));
    const res = (await handler(event as never, context as never)) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(res.statusCode).toBe(500);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toEqual({
      type: 'https://botops.dev/problems/internal-server-error',
      title: 'Internal Server Error',
      status: 500,
    });
    expect(res.body).not.toMatch(/ECONNREFUSED|arn:|stack/);
  });

  it('answer a throttled read with 503 and Retry-After, never leaking the SDK error', async () => {
    for (const name of ['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']) {
      ddb.reset();
      ddb.on(GetCommand).rejects(Object.assign(new Error('Rate exceeded'), { name, $metadata: {} }));
      const res = (await handler(event as never, context as never)) as {
        statusCode: number;
        body: string;
        headers: Record<string, string>;
      };
      expect(res.statusCode, name).toBe(503);
      expect(res.headers['Retry-After']).toBe('1');
      expect(JSON.parse(res.body)).toMatchObject({ title: 'Service Unavailable', status: 503 });
      expect(res.body).not.toContain('Rate exceeded');
    }
  });
});
