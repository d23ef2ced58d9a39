import type { TestProject } from 'vitest/node';
import { ensureTable, startDynamoLocal, type DynamoLocal } from '../../infra/local/dynamodb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
  }
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let dynamo: DynamoLocal | undefined;

/** One in-memory DynamoDB Local (real jar, random loopback port) for the whole run; killed in teardown. */
export async function setup(project: TestProject) {
  dynamo = await startDynamoLocal({});
  const tableName = 'botops-test';
  await ensureTable(dynamo.endpoint, tableName);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('tableName', tableName);
}

export async function teardown() {
  await dynamo?.stop();
}
