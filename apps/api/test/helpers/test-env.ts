import { type Env, loadEnv } from '../../src/env.js';

/** A complete, valid environment for tests; PORT 0 lets the OS pick a free port. */
export function testEnv(overrides: NodeJS.ProcessEnv = {}): Env {
  return loadEnv({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    APP_ORIGIN: 'http://localhost:5173',
    ...overrides,
  });
}
