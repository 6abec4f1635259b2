import { createRequire } from 'node:module';
import type { DestinationStream } from 'pino';

/** What the request log writes (http/request-log.ts) once a request ends. */
interface RequestLine {
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/** Fields that only the request line carries: folded into its one-line message instead of printed below it. */
export const REQUEST_FIELDS = ['req', 'res', 'responseTime', 'reqId'];

/**
 * The message `pnpm dev` prints: a request becomes one line such as
 * `GET /api/trpc/task.list 200 12ms`; anything else keeps its message.
 */
export function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const { req, res, responseTime } = log as RequestLine;
  const message = String(log[messageKey] ?? '');
  if (!req?.method || !res?.statusCode) return message;
  const line = `${req.method} ${req.url ?? ''} ${res.statusCode} ${responseTime ?? '?'}ms`;
  return message === 'request completed' ? line : `${line} (${message})`;
}

/** pino-pretty (a dev dependency, loaded only when LOG_FORMAT=pretty) in this thread, with our message format. */
export function prettyStream(destination?: NodeJS.WritableStream): DestinationStream {
  const require = createRequire(import.meta.url);
  const pretty = require('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
  return pretty({
    ignore: ['pid', 'hostname', ...REQUEST_FIELDS].join(','),
    messageFormat: prettyMessage,
    translateTime: 'SYS:HH:MM:ss',
    // Other fields on the same line too; an error's stack still gets its own lines.
    singleLine: true,
    // Synchronous to the terminal, so the last lines before process.exit() are not lost.
    ...(destination ? { destination } : { sync: true }),
  });
}
