/** A tRPC call as the web app makes it (superjson's wire format, Date fields marked), for seeding. */
export interface Api {
  mutate<T = { id: string }>(procedure: string, input: Record<string, unknown>): Promise<T>;
}

interface TrpcAnswer<T> {
  result?: { data: { json: T } };
  error?: unknown;
}

/** superjson's envelope: dates travel as ISO strings, listed in meta so the server revives them. */
function encode(input: Record<string, unknown>): string {
  const values: Record<string, ['Date']> = {};
  const json: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value instanceof Date) values[key] = ['Date'];
    json[key] = value instanceof Date ? value.toISOString() : value;
  }
  return JSON.stringify(Object.keys(values).length ? { json, meta: { values } } : { json });
}

export function apiAt(baseUrl: string, accessToken?: string): Api {
  return {
    async mutate<T>(procedure: string, input: Record<string, unknown>): Promise<T> {
      const response = await fetch(`${baseUrl}/api/trpc/${procedure}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: baseUrl,
          ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        },
        body: encode(input),
      });
      const answer = (await response.json()) as TrpcAnswer<T>;
      if (!answer.result) throw new Error(`${procedure} failed: ${JSON.stringify(answer.error)}`);
      return answer.result.data.json;
    },
  };
}
