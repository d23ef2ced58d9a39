import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/env.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: integration and e2e files share one DynamoDB Local and start local runtimes; keep it calm.
    maxWorkers: 2,
    pool: 'forks',
  },
});
