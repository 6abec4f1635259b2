import { readFileSync } from 'node:fs';

/**
 * The app's version, in every backup's header and in the API's health.check answer: defined once, here,
 * because this is the lowest package that both the backup CLI and the API load. The workspace's
 * packages share one version number; this reads this package's package.json (the same path from src/
 * and dist/).
 */
export const APP_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
