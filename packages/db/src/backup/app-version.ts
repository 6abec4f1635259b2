import { readFileSync } from 'node:fs';

/** The version in packages/db/package.json (the same path from src/ and dist/). */
export const APP_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
