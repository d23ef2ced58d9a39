import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, required } from '../config.js';

const { DYNAMODB_ENDPOINT, AWS_REGION } = config();

/**
 * The one DynamoDB client of the process, created at module scope so Lambda reuses its connections.
 * `DYNAMODB_ENDPOINT` points it at DynamoDB Local (set by `npm start` and the tests); on AWS it is unset.
 */
export const dynamo = new DynamoDBClient({
  ...(DYNAMODB_ENDPOINT
    ? { endpoint: DYNAMODB_ENDPOINT, region: AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {}),
  maxAttempts: 5,
});

export const doc = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

/** Name of the single table (`TABLE_NAME`); throws when the function has none. */
export function tableName(): string {
  return required(config().TABLE_NAME, 'TABLE_NAME');
}
