import { defineConfig } from 'vitest/config';

// Browser journeys against the production build, one server for the run; files run one at a time
// because they share that server and its database.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/server.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
