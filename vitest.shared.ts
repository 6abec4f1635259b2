import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript source in tests, so nothing needs building first.
const conditions = ['@taskapp/source', 'module', 'node', 'development|production'];

/** Shared settings for the packages whose tests use PostgreSQL. */
export function databaseTestConfig(globalSetup: string) {
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    // The runner that loads globalSetup files has an environment of its own.
    environments: { __vitest__: { resolve: { conditions } } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      globalSetup: [globalSetup],
      // Files share a worker's module cache instead of importing the app again each (the API's 78 files
      // spent ~200 s of CPU importing it, twice the tests' own time). Safe here: every file opens its own
      // database and ORM, and no file mocks a module (spies are restored after each test).
      isolate: false,
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  });
}
