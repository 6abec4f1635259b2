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

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ });
const isPostgresUrl = (value: string) => postgresUrl.safeParse(value).success;

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
    // Live sync LISTENs on one connection that must reach PostgreSQL directly: behind a transaction
    // pooler (Neon's "-pooler" host, PgBouncer) set this to the direct URL. Unset: DATABASE_URL.
    DATABASE_URL_UNPOOLED: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    // Read replicas (decision 017): comma-separated URLs of streaming replicas of DATABASE_URL's server.
    // Lists, stats and sync catch-up read from them, except for someone who has just written.
    DATABASE_READ_URL: z
      .string()
      .refine(
        (value) => value.split(',').every((url) => isPostgresUrl(url.trim())),
        'must be one or more postgres:// or postgresql:// URLs separated by commas',
      )
      .transform((value) => value.split(',').map((url) => url.trim()))
      .optional(),
    // A replica further behind the primary than this is skipped until it catches up.
    DATABASE_READ_MAX_LAG_MS: z.coerce.number().int().min(200).max(60_000).default(2_000),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    // Unset: 127.0.0.1 (this machine only), or 0.0.0.0 (every interface) when NODE_ENV=production.
    HOST: z.string().min(1).optional(),
    // A request (head and body) must arrive within this; a slow sender gets 408 (security finding 13).
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    // An idle keep-alive connection is closed after this; behind a load balancer, set it above the balancer's idle timeout.
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
    // Connections beyond this are closed as they arrive.
    HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(2_000),
    APP_ORIGIN: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://tasks.example.com' })
      .optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    // The AUTH_SECRET before a rotation: two-factor secrets sealed with it still open (and are sealed again).
    AUTH_SECRET_PREVIOUS: z.string().min(32, 'must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    // "true" trusts every proxy, a number trusts that many hops, anything else is an Express trust list.
    TRUST_PROXY: z.string().default('false'),
    WEB_DIST_DIR: z.string().optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    // Unset: smtp when SMTP_URL is set, else file (refused in production, where it must be explicit).
    MAIL_TRANSPORT: z.enum(['smtp', 'file']).optional(),
    MAIL_FROM: z.string().min(3).default('Taskapp <no-reply@taskapp.local>'),
    // Reminders and daily digests: every instance runs the worker (they share the work through the
    // database); "off" leaves it to others, e.g. a dedicated worker instance.
    REMINDER_WORKER: z.enum(['on', 'off']).default('on'),
    // How often the worker looks for due reminders (whole seconds; reminders are minute-precise).
    REMINDER_POLL_MS: z.coerce.number().int().min(1_000).max(60_000).default(10_000),
    // Web Push (VAPID). Unset outside production: a key pair generated once under DATA_DIR. Unset in
    // production: push is off (push.publicKey answers null) and reminders go by email only.
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{80,100}$/,
        'must be a base64url P-256 public key (npx web-push generate-vapid-keys)',
      )
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{40,50}$/,
        'must be a base64url P-256 private key (npx web-push generate-vapid-keys)',
      )
      .optional(),
    // Who push services contact about our messages: mailto: or https: (default: mailto: of MAIL_FROM's address).
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:)/, 'must start with mailto: or https:')
      .optional(),
    // Push endpoints the server will post to, as host suffixes separated by commas ("*": any). Unset: the
    // browsers' push services in production (so a subscription cannot aim the server at an internal
    // address), any outside it (tests run a local push endpoint).
    PUSH_ENDPOINT_HOSTS: z.string().optional(),
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
    if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['HTTP_HEADERS_TIMEOUT_MS'],
        message: 'must not be longer than HTTP_REQUEST_TIMEOUT_MS',
      });
    }
    if (env.MAIL_TRANSPORT === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when MAIL_TRANSPORT=smtp' });
    }
    if (env.NODE_ENV === 'production' && !env.SMTP_URL && env.MAIL_TRANSPORT !== 'file') {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message:
          'is required when NODE_ENV=production (or set MAIL_TRANSPORT=file to write mails under DATA_DIR/mail/ instead of sending them)',
      });
    }
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'],
        message: 'is required with the other VAPID key (set both, or neither)',
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

export type Env = Omit<
  z.infer<typeof envSchema>,
  'AUTH_SECRET' | 'APP_ORIGIN' | 'HOST' | 'MAIL_TRANSPORT'
> & {
  AUTH_SECRET: string;
  APP_ORIGIN: string;
  HOST: string;
  MAIL_TRANSPORT: 'smtp' | 'file';
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
    // Containers publish ports from their own interfaces; a developer's machine should not be reachable from the LAN.
    HOST: env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    MAIL_TRANSPORT: env.MAIL_TRANSPORT ?? (env.SMTP_URL ? 'smtp' : 'file'),
  };
}

/** HSTS, upgrade-insecure-requests and Secure cookies only make sense when the public URL is https. */
export function isHttpsOrigin(env: Pick<Env, 'APP_ORIGIN'>): boolean {
  return env.APP_ORIGIN.startsWith('https:');
}

/** Express's `trust proxy` value for TRUST_PROXY. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
