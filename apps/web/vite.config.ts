import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { apiProxy } from './build/api-proxy.js';
import { bundleReport } from './build/bundle-report.js';
import { precompress } from './build/precompress.js';

const apiPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    bundleReport({ enforce: process.env.BUNDLE_BUDGET === 'enforce' }),
    precompress(),
  ],
  // Workspace packages are consumed from their TypeScript source.
  resolve: { conditions: ['@taskapp/source', ...defaultClientConditions] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': apiProxy({ port: apiPort }) },
  },
});
