import type { Page } from '@playwright/test';
import superjson from 'superjson';
import type { Account } from './accounts';

/** A task as the API answers with it (dates revived by superjson). */
export interface ApiTask {
  id: string;
  title: string;
  description: string | null;
  status: 'pending' | 'in_progress' | 'completed';
  priority: 'low' | 'medium' | 'high';
  dueDate: Date | null;
  /** dueDate is a calendar day (00:00Z of it), the same day in every time zone. */
  allDay?: boolean;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TaskApi {
  create(input: Partial<Omit<ApiTask, 'id' | 'completedAt' | 'createdAt' | 'updatedAt'>>): Promise<ApiTask>;
  list(): Promise<ApiTask[]>;
}

async function answer<T>(response: Awaited<ReturnType<Page['request']['get']>>): Promise<T> {
  const body = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] } };
  if (!response.ok() || !body.result) throw new Error(`API ${response.status()}: ${JSON.stringify(body)}`);
  return superjson.deserialize<T>(body.result.data);
}

/** Talks to the task API as the account, next to the browser, to set up data and check what was saved. */
export async function taskApi(page: Page, account: Account): Promise<TaskApi> {
  const origin = new URL(page.url()).origin;
  const post = (path: string, input: unknown, token?: string) =>
    page.request.post(`/api/trpc/${path}`, {
      headers: { origin, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      data: superjson.serialize(input),
    });
  const session = await answer<{ accessToken: string }>(
    await post('auth.login', { email: account.email, password: account.password }),
  );
  const token = session.accessToken;
  return {
    create: async (input) => answer<ApiTask>(await post('task.create', input, token)),
    list: async () => {
      const query = encodeURIComponent(JSON.stringify(superjson.serialize({ limit: 100 })));
      const response = await page.request.get(`/api/trpc/task.list?input=${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return (await answer<{ items: ApiTask[] }>(response)).items;
    },
  };
}
