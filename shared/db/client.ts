import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The one DynamoDB client of the process, created at module scope so Lambda reuses its connections.
 * `DYNAMODB_ENDPOINT` points it at DynamoDB Local (set by `npm start` and the tests); on AWS it is unset.
 */
export const dynamo = new DynamoDBClient({
  ...(process.env.DYNAMODB_ENDPOINT
    ? {
        endpoint: process.env.DYNAMODB_ENDPOINT,
        region: process.env.AWS_REGION ?? 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }
    : {}),
  maxAttempts: 5,
});

export const doc = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

/** Name of the single table, read per call so tests and the local runtime can set it after import. */
export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('environment variable TABLE_NAME is not set');
  return name;
}
