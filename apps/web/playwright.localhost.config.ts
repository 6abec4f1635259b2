import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// WebAuthn refuses IP addresses as relying party ids, and the server's is APP_ORIGIN's host: passkey
// journeys need the app on a name. Same suite otherwise: `playwright test -c playwright.localhost.config.ts`.
const baseURL = `http://localhost:${Number(process.env.E2E_PORT ?? 4173)}`;
const webServer = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;

export default defineConfig({
  ...base,
  use: { ...base.use, baseURL },
  webServer: {
    ...webServer,
    command: webServer?.command ?? '',
    env: { ...webServer?.env, APP_ORIGIN: baseURL },
  },
});
