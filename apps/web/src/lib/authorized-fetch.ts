import { getAccessToken, getAuthState } from './auth-store';
import { ensureFreshToken, refreshSession } from './session';

/** The `Authorization` header for the current access token, or none when signed out. */
export function bearerHeader(): Record<string, string> {
  const token = getAccessToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** A refusal from a plain (non-tRPC) API route: its status and the server's `{ error }` sentence. */
export class ApiRouteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRouteError';
  }
}

/**
 * `fetch` for a plain API route that needs the signed-in caller, authorized the way the tRPC client
 * authorizes protected calls: the token refreshed first if it expired, and on a 401 one refresh and one
 * retry. Any answer but a 2xx throws an ApiRouteError with the server's message.
 */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const send = () => fetch(url, { ...init, headers: { ...init.headers, ...bearerHeader() } });
  await ensureFreshToken();
  let response = await send();
  if (response.status === 401 && getAuthState().status === 'signed-in') {
    if ((await refreshSession()) === 'refreshed') response = await send();
  }
  if (!response.ok) throw new ApiRouteError(response.status, await refusalMessage(response));
  return response;
}

async function refusalMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  if (typeof body?.error === 'string' && body.error) return body.error;
  return response.status === 401
    ? 'Sign in to continue.'
    : 'Something went wrong on our side. Please try again.';
}
