import { LIMITS } from '@taskapp/shared';
import express, { type Request, type RequestHandler } from 'express';

type WithRawBody = Request & { rawBody?: Buffer };

/**
 * express.json() (size limit, JSON only) that also keeps the bytes it read, so the tRPC handler hands
 * tRPC the body as it arrived instead of re-serializing the parsed value (JSON.stringify overflows the
 * stack on deeply nested input, and it is work nobody needs).
 */
export const jsonBody = (): RequestHandler =>
  express.json({
    limit: LIMITS.bodyMaxBytes,
    verify: (req, _res, buffer) => {
      (req as WithRawBody).rawBody = buffer;
    },
  });

/** The body as sent; a body parsed by some other parser is serialized again. */
export function requestBody(req: Request): Uint8Array | string | undefined {
  const raw = (req as WithRawBody).rawBody;
  if (raw) return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  return req.body === undefined ? undefined : JSON.stringify(req.body);
}
