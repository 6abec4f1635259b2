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
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  });
}
