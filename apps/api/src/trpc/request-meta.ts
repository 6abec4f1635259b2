import type { HttpExchange } from './http-exchange.js';

/** The caller's IP; Express honours X-Forwarded-For only as far as TRUST_PROXY allows. */
export function clientIp(http: HttpExchange | null): string {
  return http?.req.ip ?? http?.req.socket.remoteAddress ?? 'local';
}

export function userAgent(http: HttpExchange | null): string | null {
  return http?.req.headers['user-agent'] ?? null;
}
