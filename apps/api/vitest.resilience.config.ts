import { defineConfig } from 'vitest/config';
import { databaseTestConfig } from '../../vitest.shared.js';

// `pnpm test:resilience`: load, database restart, SIGTERM and SIGKILL, statement timeout and abuse, each
// a real server process under real traffic (tens of seconds each). Run once by CI.
const base = databaseTestConfig('./test/global-setup.ts');

export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/resilience/**/*.test.ts'], testTimeout: 180_000 },
});
