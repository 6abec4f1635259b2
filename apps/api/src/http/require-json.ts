import type { NextFunction, Request, Response } from 'express';

/**
 * Mutations arrive as JSON only. A cross-site HTML form can send text/plain or form encodings without
 * a preflight, never application/json, so this shuts that door whatever cookies the browser attaches.
 */
export function requireJsonForPosts(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'POST' && !req.is('application/json')) {
    res.status(415).json({ error: 'Send requests as application/json.' });
    return;
  }
  next();
}
