import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Compresses API answers above 1 KB (brotli or gzip, as the client prefers). Never an event stream:
 * compression would hold its events back until a buffer fills.
 */
export function apiCompression(): RequestHandler {
  return compression({
    threshold: '1kb',
    filter: (req: Request, res: Response) => {
      const contentType = String(res.getHeader('Content-Type') ?? '');
      if (contentType.startsWith('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  });
}
