import autocannon from 'autocannon';
import { cpuTimeMs } from './cpu-time.js';
import type { HttpRequest } from './http-request.js';

/** One stretch of load against one server. */
export interface Slice {
  seconds: number;
  /** CPU the server used during the slice, when known. */
  cpuMs: number | null;
  ok: number;
  failures: number;
  latencies: number[];
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts: any of them makes the numbers suspect. */
  failures: number;
  /** The server's CPU time per successful request (ms), when known. */
  cpuMsPerRequest: number | null;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * Drives `baseUrl` with `connections` keep-alive connections for `seconds`; each request is built by
 * `next(n)`, n counting over all connections, so requests rotate over users. Latencies are kept
 * per response (autocannon's own histogram has no p95). As fast as the server answers, or at most
 * `overallRate` requests per second in all.
 */
export async function runSlice(
  server: { url: string; pid: number },
  connections: number,
  seconds: number,
  next: (n: number) => HttpRequest,
  overallRate?: number,
): Promise<Slice> {
  let n = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: server.url,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    requests: [{ setupRequest: (request) => ({ ...request, ...next(n++) }) }],
  });
  // autocannon emits (client, statusCode, bytes, responseTime); its type declarations lag behind.
  (instance as unknown as NodeJS.EventEmitter).on('response', (...args: unknown[]) => {
    latencies.push(args.at(-1) as number);
  });
  const cpuBefore = cpuTimeMs(server.pid);
  const result = await instance;
  const cpuAfter = cpuTimeMs(server.pid);
  return {
    seconds: result.duration,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    ok: result['2xx'],
    failures: result.non2xx + result.errors + result.timeouts,
    latencies,
  };
}

/** The slices of one server for one workload and connection count, as one result. */
export function summarize(connections: number, slices: Slice[]): LoadResult {
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  const seconds = slices.reduce((total, slice) => total + slice.seconds, 0);
  const ok = slices.reduce((total, slice) => total + slice.ok, 0);
  const cpuMs = slices.every((slice) => slice.cpuMs !== null)
    ? slices.reduce((total, slice) => total + (slice.cpuMs ?? 0), 0)
    : null;
  return {
    connections,
    seconds: round(seconds, 1),
    requests: ok,
    rps: round(ok / seconds, 1),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    failures: slices.reduce((total, slice) => total + slice.failures, 0),
    cpuMsPerRequest: cpuMs === null || !ok ? null : round(cpuMs / ok, 3),
  };
}
