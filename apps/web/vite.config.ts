import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { bundleReport } from './build/bundle-report.js';

const apiPort = process.env.PORT ?? '3000';

export default defineConfig({
  plugins: [react(), tailwindcss(), bundleReport({ enforce: process.env.BUNDLE_BUDGET === 'enforce' })],
  // Workspace packages are consumed from their TypeScript source.
  resolve: { conditions: ['@taskapp/source', ...defaultClientConditions] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': `http://localhost:${apiPort}` },
  },
});
