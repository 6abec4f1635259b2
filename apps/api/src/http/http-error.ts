import type { NextFunction, Request, Response } from 'express';

const MESSAGES: Record<number, string> = {
  400: 'The request could not be read.',
  403: "That path isn't allowed.",
  404: 'Not found.',
  413: 'The request body is too large.',
  415: 'Unsupported content type.',
};

/** Last Express handler: a short JSON answer, never Express's HTML page with a stack trace. */
export function handleHttpError(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = (error as { status?: number }).status ?? 500;
  const code = status >= 400 && status < 600 ? status : 500;
  if (code >= 500) req.log?.error({ err: error }, 'request failed');
  res.status(code).json({ error: MESSAGES[code] ?? 'Something went wrong on our side. Please try again.' });
}
