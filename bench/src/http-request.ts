/** One HTTP request as autocannon sends it. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** `jwtOnlyBaseline`: the baseline without its session-row check (a JWT check and the route's statement). */
export type Target = 'ours' | 'baseline' | 'jwtOnlyBaseline';

const headersFor = (token: string) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
});

/** A call in each server's own wire format: tRPC + superjson for ours, plain JSON for the baseline. */
export function call(
  target: Target,
  kind: 'query' | 'mutation',
  procedure: string,
  input: unknown,
  token: string,
): HttpRequest {
  const headers = headersFor(token);
  if (target === 'ours') {
    const wire = JSON.stringify({ json: input });
    const path = `/api/trpc/task.${procedure}`;
    return kind === 'query'
      ? { method: 'GET', path: `${path}?input=${encodeURIComponent(wire)}`, headers }
      : { method: 'POST', path, headers, body: wire };
  }
  const wire = JSON.stringify(input);
  const path = `${target === 'jwtOnlyBaseline' ? '/jwt-only' : ''}/${procedure}`;
  return kind === 'query'
    ? { method: 'GET', path: `${path}?input=${encodeURIComponent(wire)}`, headers }
    : { method: 'POST', path, headers, body: wire };
}

/** Sends one request and returns the parsed answer: `result.data.json` for ours, `result` for the baseline. */
export async function send<T>(baseUrl: string, target: Target, request: HttpRequest): Promise<T> {
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = request.body;
  const response = await fetch(`${baseUrl}${request.path}`, init);
  const body = (await response.json()) as {
    result?: { data?: { json?: unknown } } & Record<string, unknown>;
  };
  if (!response.ok || !body.result)
    throw new Error(`${request.path}: ${response.status} ${JSON.stringify(body)}`);
  return (target === 'ours' ? body.result.data?.json : body.result) as T;
}
