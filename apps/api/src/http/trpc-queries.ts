import {
  type AnyProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  type TRPCError,
  transformTRPCResponse,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';
import type { Request, Response } from 'express';
import type { Context } from '../trpc/context.js';
import type { AppRouter } from '../trpc/router.js';
import type { TrpcHandlerOptions } from './trpc-handler-options.js';

/** One call of a GET, its input already decoded. */
interface QueryCall {
  path: string;
  procedure: AnyProcedure;
  input: unknown;
}

/** A GET we can answer ourselves. */
interface QueryRequest {
  isBatch: boolean;
  calls: QueryCall[];
}

/**
 * Answers a GET of queries (one, or a batch as the web's httpBatchLink sends them) by calling the
 * procedures directly, without building a Fetch Request, AbortSignals and a Response around them.
 * Lists are the hottest path of the app, and that wrapping was ~8 % of a list's CPU (issue 14,
 * docs/decisions/008-trpc-http-handler.md).
 *
 * The answer is tRPC's own, byte for byte (test/http-trpc-handler.test.ts compares both): the same
 * procedure call, input transformer, error shape, onError, status rule and JSON. Everything unusual
 * (an unknown path, a mutation or subscription, a malformed or undecodable input, a batch over the
 * cap, a streaming Accept, connection params, an encoded path) returns false before any procedure runs,
 * and tRPC's resolveResponse answers it as before.
 */
export async function answerQueries(
  options: TrpcHandlerOptions,
  req: Request,
  res: Response,
  path: string,
): Promise<boolean> {
  const request = queryRequest(options, req, path);
  if (!request) return false;
  const { router } = options;
  const config = router._def._config;
  const ctx = options.createContext({ req, res });
  const answers = await Promise.all(
    request.calls.map(async (call, batchIndex) => {
      try {
        const data = await call.procedure({
          path: call.path,
          type: 'query',
          ctx,
          getRawInput: async () => call.input,
          signal: undefined,
          batchIndex,
        });
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        options.onError({ error, path: call.path, input: call.input, ctx, type: 'query', req });
        return { error: errorShape(router, ctx, error, call) };
      }
    }),
  );
  const untransformed = request.isBatch ? answers : (answers[0] as (typeof answers)[number]);
  if (res.statusCode === 200) res.statusCode = getHTTPStatusCode(untransformed);
  res.setHeader('content-type', 'application/json');
  res.setHeader('vary', 'trpc-accept, accept');
  // A string, not a Buffer: Node then sends the headers and the body in one write.
  res.end(JSON.stringify(transformTRPCResponse(config, untransformed)));
  return true;
}

function errorShape(router: AppRouter, ctx: Context, error: TRPCError, call: QueryCall) {
  return getErrorShape({
    config: router._def._config,
    ctx,
    error,
    input: call.input,
    path: call.path,
    type: 'query',
  });
}

/**
 * The calls to make, with their inputs already decoded, or null when tRPC should answer the request
 * (see answerQueries). Decoding first means a bad input of any call is tRPC's to report, as one error
 * for the whole batch, exactly as it does.
 */
function queryRequest(options: TrpcHandlerOptions, req: Request, path: string): QueryRequest | null {
  const url = req.originalUrl;
  if (path.includes('%') || url.includes('#') || !acceptsPlainJson(req)) return null;
  const queryStart = url.indexOf('?');
  const search = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
  if (search.has('connectionParams')) return null;
  const isBatch = search.get('batch') === '1';
  const paths = isBatch ? path.split(',') : [path];
  if (paths.length > options.maxBatchSize) return null;
  // Keyed by the dotted path at run time, as tRPC's own getProcedureAtPath reads it.
  const procedures = options.router._def.procedures as unknown as Record<string, AnyProcedure | undefined>;
  const found = paths.map((name) => (Object.hasOwn(procedures, name) ? procedures[name] : undefined));
  if (!found.every((procedure) => procedure?._def.type === 'query')) return null;
  try {
    const raw = search.get('input');
    const inputs: unknown = raw ? JSON.parse(raw) : undefined;
    if (
      isBatch &&
      inputs !== undefined &&
      (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
    )
      return null;
    const deserialize = (value: unknown) => options.router._def._config.transformer.input.deserialize(value);
    const calls = paths.map((name, index) => {
      const input = isBatch ? (inputs as Record<number, unknown> | undefined)?.[index] : inputs;
      const procedure = found[index] as AnyProcedure;
      return { path: name, procedure, input: input === undefined ? undefined : deserialize(input) };
    });
    return { isBatch, calls };
  } catch {
    return null;
  }
}

/** tRPC reads GETs as JSON unless they claim a form or raw bytes, and streams for a jsonl Accept. */
function acceptsPlainJson(req: Request): boolean {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && !contentType.toLowerCase().trim().startsWith('application/json'))
    return false;
  return req.headers['trpc-accept'] === undefined && !req.headers.accept?.includes('application/jsonl');
}
