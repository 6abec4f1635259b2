import { defineConfig } from 'vitest/config';
import { databaseTestConfig } from '../../vitest.shared.js';

// `pnpm test:resilience`: load, database restart, SIGTERM and SIGKILL, statement timeout and abuse, each
// a real server process under real traffic (tens of seconds each). Run once by CI.
const base = databaseTestConfig('./test/global-setup.ts');

export default defineConfig({
  ...base,
  // One file at a time: each loads the machine on purpose, and the noisy-neighbour test measures
  // latency, which another file's load would distort.
  test: {
    ...base.test,
    include: ['test/resilience/**/*.test.ts'],
    testTimeout: 180_000,
    fileParallelism: false,
  },
});
