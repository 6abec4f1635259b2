import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Compresses API answers above 1 KB (brotli or gzip, as the client prefers). Never an event stream:
 * compression would hold its events back until a buffer fills.
 */
export function apiCompression(): RequestHandler {
  const compress = compression({
    threshold: '1kb',
    filter: (req: Request, res: Response) => {
      const contentType = String(res.getHeader('Content-Type') ?? '');
      if (contentType.startsWith('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  });
  // A client that accepts no encoding gets nothing from the wrapper but its cost on every call.
  return (req, res, next) => {
    if (req.headers['accept-encoding']) compress(req, res, next);
    else next();
  };
}
