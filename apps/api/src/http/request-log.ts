import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';
import { loggableUrl } from './loggable-url.js';
import { requestId } from './request-id.js';

declare module 'node:http' {
  interface IncomingMessage {
    /** The server's logger bound to this request's id (also sent back as X-Request-Id). */
    log?: Logger;
  }
}

/** Probes and scrapes would drown the log. */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Gives every request an id and a logger carrying it, and logs one line when it ends: method, path
 * (query values redacted: they carry tokens, search terms and cursors), status and duration. Deliberately not pino-http, which serializes the whole request (headers
 * included) into a child logger on every request even when nothing is logged; the benchmark showed it
 * as ~5 % of a read's CPU (docs/decisions/008-trpc-http-handler.md).
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const log = logger.child({ reqId: requestId(req, res) });
    req.log = log;
    if (!UNLOGGED_PATHS.has(req.path)) {
      res.once('close', () => logCompletion(log, req, res, performance.now() - started));
    }
    next();
  };
}

function logCompletion(log: Logger, req: Request, res: Response, milliseconds: number): void {
  const line = {
    req: { method: req.method, url: loggableUrl(req.originalUrl) },
    res: { statusCode: res.statusCode },
    responseTime: Math.round(milliseconds),
  };
  if (!res.writableFinished) log.warn(line, 'request aborted before the response was sent');
  else if (res.statusCode >= 500) log.error(line, 'request failed');
  else log.info(line, 'request completed');
}
