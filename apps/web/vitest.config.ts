import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.js';

// Unit tests run in Vitest's server-side environment, which needs the source condition too.
const conditions = ['@taskapp/source', 'module', 'node', 'development|production'];

// Playwright owns e2e/; Vitest only runs unit tests next to the source and the build plugins.
export default mergeConfig(
  viteConfig,
  defineConfig({
    ssr: { resolve: { conditions } },
    test: { include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'] },
  }),
);
