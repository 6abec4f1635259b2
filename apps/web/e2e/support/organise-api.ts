import type { Page } from '@playwright/test';
import superjson from 'superjson';
import type { Account } from './accounts';

async function answer<T>(response: Awaited<ReturnType<Page['request']['get']>>): Promise<T> {
  const body = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] } };
  if (!response.ok() || !body.result) throw new Error(`API ${response.status()}: ${JSON.stringify(body)}`);
  return superjson.deserialize<T>(body.result.data);
}

/** Any procedure, called as the account next to the browser: projects, labels and tasks for a journey. */
export async function apiAs(page: Page, account: Account) {
  const origin = new URL(page.url()).origin;
  const post = (path: string, input: unknown, token?: string) =>
    page.request.post(`/api/trpc/${path}`, {
      headers: { origin, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      data: superjson.serialize(input),
    });
  const { accessToken } = await answer<{ accessToken: string }>(
    await post('auth.login', { email: account.email, password: account.password }),
  );
  return {
    mutate: async <T = { id: string }>(path: string, input: unknown) =>
      answer<T>(await post(path, input, accessToken)),
    query: async <T>(path: string, input?: unknown) => {
      const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
      return answer<T>(
        await page.request.get(`/api/trpc/${path}?input=${query}`, {
          headers: { authorization: `Bearer ${accessToken}` },
        }),
      );
    },
  };
}
