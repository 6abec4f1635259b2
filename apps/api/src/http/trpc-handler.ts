import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError, resolveResponse } from '@trpc/server/http';
import type { NextFunction, Request, Response } from 'express';
import { requestBody } from './json-body.js';
import type { TrpcHandlerOptions } from './trpc-handler-options.js';
import { answerQueries } from './trpc-queries.js';

/**
 * tRPC over Express, answering each call with one buffered write.
 *
 * It does what `@trpc/server/adapters/express` does (the same `resolveResponse`, so the same routing,
 * batching, error shapes and status codes) but writes the answer with a Content-Length in a single
 * `res.end`, instead of piping tRPC's web stream through a WritableStream as chunked encoding. The
 * benchmark measured the stock adapter at roughly twice this one's CPU per call; see
 * docs/decisions/008-trpc-http-handler.md. Plain GETs of queries skip even the Fetch wrapping
 * (trpc-queries.ts). Only subscriptions (sync.events, an SSE stream) are streamed,
 * event by event; no query or mutation uses tRPC's abort `signal`, so a client going away simply has its
 * answer dropped.
 */
export function trpcHandler(options: TrpcHandlerOptions) {
  return async (req: Request, res: Response, next: NextFunction) => {
    // Mounted at /api/trpc, so the path is what follows: "/task.list" or "/task.list,task.stats".
    // Anything with more segments (/api/trpc/x/y/auth.logout) names no procedure; running its last
    // segment would let it slip past path-based proxy or firewall rules.
    const path = req.path.slice(1);
    if (path.includes('/')) {
      next();
      return;
    }
    try {
      if (req.method === 'GET' && (await answerQueries(options, req, res, path))) return;
      const request = toFetchRequest(req);
      // A call that failed before its answer began (no session, too many streams, bad input).
      let refusal: TRPCError | undefined;
      let answered = false;
      const response = await resolveResponse({
        router: options.router,
        req: request,
        path,
        createContext: async () => options.createContext({ req, res }),
        maxBatchSize: options.maxBatchSize,
        error: null,
        onError: (details) => {
          if (!answered) refusal ??= details.error;
          options.onError({ ...details, req });
        },
      });
      answered = true;
      // A procedure may have set a status or cookies on the Node response directly; keep them.
      if (res.statusCode === 200) res.statusCode = response.status;
      for (const [name, value] of response.headers) {
        if (name !== 'set-cookie') res.setHeader(name, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.appendHeader('set-cookie', cookies);
      if (response.body && response.headers.get('content-type')?.startsWith('text/event-stream')) {
        // tRPC streams a refused subscription as 200 with an error event; its own status (401, 429, 400)
        // tells EventSource clients and proxies before any event, and EventSource does not retry it blindly.
        if (refusal) res.statusCode = getHTTPStatusCodeFromError(refusal);
        await streamEvents(response.body, res);
        return;
      }
      // The bytes as tRPC encoded them: text() would decode them only for res.end to encode them again.
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      next(error);
    }
  };
}

/**
 * A subscription's answer (sync.events) is an endless event stream: each event is written as it comes,
 * and when the client goes away the stream is cancelled, which tells tRPC to stop the procedure.
 */
async function streamEvents(body: ReadableStream<Uint8Array>, res: Response): Promise<void> {
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  res.once('close', stop);
  // The client may have left while the procedure started: its 'close' has then come and gone, and the
  // stream would run (and keep its place among the user's streams) for nobody.
  if (res.closed) stop();
  res.flushHeaders();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await drainedOrClosed(res);
    }
  } catch {
    // The client went away mid-write, or the stream was cancelled: nothing more to say.
  } finally {
    res.off('close', stop);
    res.end();
  }
}

/** A slow reader's socket buffer is full: wait until it empties, or the client is gone. */
function drainedOrClosed(res: Response): Promise<void> {
  if (res.closed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

// `last-event-id`: an EventSource resuming a subscription sends where it stopped.
const TRPC_READS_HEADERS = ['content-type', 'accept', 'trpc-accept', 'last-event-id'] as const;

/**
 * The URL's origin is a constant: tRPC reads only the path and query, and the Host header is the
 * client's to choose (a Host of `x?input=…#` would otherwise replace the query that runs).
 */
const URL_BASE = 'http://localhost';

/**
 * The Fetch `Request` tRPC reads: URL (batch flag and GET input), method, JSON body and the only headers
 * it looks at. Procedures read everything else (Authorization, cookies, Origin) from the Node request in
 * their context, so copying every header into a Fetch `Headers` would be work nobody uses.
 */
function toFetchRequest(req: Request): globalThis.Request {
  const headers: Record<string, string> = {};
  for (const name of TRPC_READS_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new globalThis.Request(`${URL_BASE}${req.originalUrl}`, {
    method: req.method,
    headers,
    body: hasBody ? requestBody(req) : undefined,
  });
}
