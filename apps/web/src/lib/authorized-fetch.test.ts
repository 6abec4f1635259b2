import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRouteError, authorizedFetch } from './authorized-fetch';
import { attachmentFileName } from './download';

afterEach(() => {
  vi.unstubAllGlobals();
});

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('authorizedFetch', () => {
  it('hands back a 2xx answer unread', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"tasks":[]}', { status: 200 })),
    );
    const response = await authorizedFetch('/api/account/export');
    expect(await response.text()).toBe('{"tasks":[]}');
  });

  it('turns a refusal into an error carrying the status and the server’s sentence', async () => {
    const message = 'An export of your data is already running. Wait for it to finish.';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(429, { error: message })),
    );
    const error = await authorizedFetch('/api/account/export').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRouteError);
    expect(error).toMatchObject({ status: 429, message });
  });

  it('has a sentence of its own when the answer has none', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 502 })),
    );
    await expect(authorizedFetch('/api/account/export')).rejects.toMatchObject({
      status: 502,
      message: 'Something went wrong on our side. Please try again.',
    });
  });
});

describe('attachmentFileName', () => {
  it('reads the suggested name, and nothing that looks like a path', () => {
    expect(attachmentFileName('attachment; filename="taskapp-export-2026-11-29.json"')).toBe(
      'taskapp-export-2026-11-29.json',
    );
    expect(attachmentFileName('attachment; filename="../x.json"')).toBeUndefined();
    expect(attachmentFileName(null)).toBeUndefined();
  });
});
