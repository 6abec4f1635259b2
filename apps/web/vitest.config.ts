import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

// Playwright owns e2e/; Vitest only runs unit tests next to the source.
export default mergeConfig(viteConfig, defineConfig({ test: { include: ['src/**/*.test.{ts,tsx}'] } }));
