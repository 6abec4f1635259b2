import { pino } from 'pino';
import type { Env } from './env.js';

export type Logger = pino.Logger;

export function createLogger(env: Pick<Env, 'LOG_LEVEL' | 'LOG_FORMAT'>): Logger {
  return pino({
    level: env.LOG_LEVEL,
    // JSON for machines by default; `pnpm dev` asks for readable lines (pino-pretty is a dev dependency).
    transport:
      env.LOG_FORMAT === 'pretty'
        ? { target: 'pino-pretty', options: { ignore: 'pid,hostname' } }
        : undefined,
    // Secrets never reach the logs, even if a future log line passes a whole request or user.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });
}
