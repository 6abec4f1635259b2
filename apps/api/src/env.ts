import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { backupEnvSchema, parseRecipients } from '@taskapp/backup';
import { databaseEnvSchema, parseEnv, resolveDataDir } from '@taskapp/db';
import { Cron } from 'croner';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Five or six fields (seconds first) or a nickname such as @daily; croner would also take a date. */
function isCronPattern(pattern: string): boolean {
  const fields = pattern.trim().split(/\s+/).length;
  if (!pattern.trim().startsWith('@') && (fields < 5 || fields > 6)) return false;
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

const backupScheduleEnvSchema = backupEnvSchema.extend({
  BACKUP_SCHEDULE: z
    .string()
    .refine(isCronPattern, 'must be a cron expression such as "0 3 * * *" (UTC)')
    .optional(),
  // Where scheduled verification creates its scratch database; default: the app's database server.
  BACKUP_VERIFY_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
});

const envSchema = databaseEnvSchema
  .extend(backupScheduleEnvSchema.shape)
  .extend({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    APP_ORIGIN: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://tasks.example.com' })
      .optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    // "true" trusts every proxy, a number trusts that many hops, anything else is an Express trust list.
    TRUST_PROXY: z.string().default('false'),
    WEB_DIST_DIR: z.string().optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    MAIL_FROM: z.string().min(3).default('Taskapp <no-reply@taskapp.local>'),
    // Unset: no /metrics at all. Set: /metrics answers only with `Authorization: Bearer <token>`.
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is required when NODE_ENV=production',
      });
    }
    if (env.BACKUP_SCHEDULE) {
      try {
        parseRecipients(env.BACKUP_AGE_RECIPIENTS);
      } catch (error) {
        const message = (error as Error).message.replace(/^BACKUP_AGE_RECIPIENTS:? ?/, '');
        ctx.addIssue({
          code: 'custom',
          path: ['BACKUP_AGE_RECIPIENTS'],
          message: `${message} (BACKUP_SCHEDULE is set)`,
        });
      }
    }
  });

export type Env = Omit<z.infer<typeof envSchema>, 'AUTH_SECRET' | 'APP_ORIGIN'> & {
  AUTH_SECRET: string;
  APP_ORIGIN: string;
};

/** Outside production a random secret is generated once and kept under .data/, so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The one reader of process.env. Throws a message naming every missing or malformed variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = parseEnv(envSchema, source);
  return {
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? developmentSecret(resolveDataDir(env)),
    APP_ORIGIN: new URL(env.APP_ORIGIN ?? `http://localhost:${env.PORT}`).origin,
  };
}

/** Express's `trust proxy` value for TRUST_PROXY. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
