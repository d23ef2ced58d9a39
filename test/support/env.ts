import { inject } from 'vitest';

// Runs before each test file's imports: the shared DynamoDB client reads these at module load.
process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
process.env.TABLE_NAME = inject('tableName');
process.env.LOCAL_MODE = 'true';
process.env.AWS_REGION = 'us-east-1';
process.env.AWS_ACCESS_KEY_ID = 'local';
process.env.AWS_SECRET_ACCESS_KEY = 'local';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

// The ports' local adapters, as the local runtime provides them.
(await import('../../infra/local/adapters/index.js')).provideLocalAdapters();

// Domain errors, as the API answers them (see problem-view.ts).
const { showProblemsOnErrors } = await import('./problem-view.js');
showProblemsOnErrors();
