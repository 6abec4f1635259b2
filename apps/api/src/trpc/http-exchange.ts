import type { IncomingMessage, ServerResponse } from 'node:http';

/** The HTTP exchange, typed with node's own types so the router type needs nothing from Express. */
export interface HttpExchange {
  req: IncomingMessage & { ip?: string | undefined };
  res: ServerResponse;
}
