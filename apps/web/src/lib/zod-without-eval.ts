/**
 * zod probes whether `new Function` works to speed up object parsing; our CSP forbids eval, so the probe
 * is a CSP violation on every page that validates a form. jitless skips the probe. Set through zod's
 * global config object (zod keeps an existing one), so the first screen still does not load zod itself.
 */
const zodConfig = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodConfig.__zod_globalConfig = { ...zodConfig.__zod_globalConfig, jitless: true };
