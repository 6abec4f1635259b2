import { defineConfig } from 'vitest/config';
import { databaseTestConfig } from '../../vitest.shared.js';

// `pnpm test`: everything but the slow fault and load tests, which `pnpm test:resilience` runs, and the
// streaming-replica suite, which `pnpm test:replica` runs.
const base = databaseTestConfig('./test/global-setup.ts');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Vitest runs one file at a time on a 2-CPU machine (CPUs - 1). The API's files wait on PostgreSQL
    // much of the time and each has its own database, so two at a time: its suite, the longest of
    // `pnpm test`, went from ~5 to ~4 minutes.
    maxWorkers: 2,
    exclude: ['test/resilience/**', 'test/replica/**', '**/node_modules/**'],
  },
});
