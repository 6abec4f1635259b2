import { pino } from 'pino';
import type { Env } from './env.js';
import { prettyStream } from './pretty-log.js';

export type Logger = pino.Logger;

export function createLogger(env: Pick<Env, 'LOG_LEVEL' | 'LOG_FORMAT'>): Logger {
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL,
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
  };
  // JSON for machines by default; `pnpm dev` asks for readable lines, one per request.
  return env.LOG_FORMAT === 'pretty' ? pino(options, prettyStream()) : pino(options);
}
