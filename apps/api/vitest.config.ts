import { defineConfig } from 'vitest/config';
import { databaseTestConfig } from '../../vitest.shared.js';

// `pnpm test`: everything but the slow fault and load tests, which `pnpm test:resilience` runs, and the
// streaming-replica suite, which `pnpm test:replica` runs.
const base = databaseTestConfig('./test/global-setup.ts');

export default defineConfig({
  ...base,
  test: { ...base.test, exclude: ['test/resilience/**', 'test/replica/**', '**/node_modules/**'] },
});
