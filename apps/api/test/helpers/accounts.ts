import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../src/trpc/router.js';
import type { BrowserOptions, TestBrowser, TestServer } from './test-server.js';

/** Passes every password rule: long enough, not a common password, not the email. */
export const GOOD_PASSWORD = 'analytical engine 42';
export const OTHER_GOOD_PASSWORD = 'difference engine 1822';
export const REFRESH_COOKIE = 'taskapp_refresh';

let sequence = 0;

/** An email no other test in this process uses. */
export function uniqueEmail(label = 'user'): string {
  sequence += 1;
  return `${label}-${process.pid}-${sequence}@example.com`;
}

/** An IP no other test in this process uses; servers started with TRUST_PROXY=true take it from X-Forwarded-For. */
export function uniqueIp(): string {
  sequence += 1;
  return `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;
}

/** A cookie-keeping browser with an IP of its own, so rate-limit counters of other tests never interfere. */
export function newBrowser(server: TestServer, options: BrowserOptions = {}): TestBrowser {
  return server.browser({ forwardedFor: uniqueIp(), ...options });
}

export interface SignedUp {
  browser: TestBrowser;
  email: string;
  password: string;
  userId: string;
  accessToken: string;
}

/** Registers a new account in a new browser, which keeps the access token and refresh cookie. */
export async function signUp(
  server: TestServer,
  options: { email?: string; password?: string; name?: string; browser?: TestBrowser } & BrowserOptions = {},
): Promise<SignedUp> {
  const { email = uniqueEmail(), password = GOOD_PASSWORD, name = 'Ada Lovelace', ...rest } = options;
  const browser = options.browser ?? newBrowser(server, rest);
  const result = await browser.api.auth.register.mutate({ email, name, password });
  browser.accessToken = result.accessToken;
  return { browser, email, password, userId: result.user.id, accessToken: result.accessToken };
}

/** Signs an existing account in from a new browser (another device). */
export async function signIn(
  server: TestServer,
  email: string,
  password: string,
  options: BrowserOptions = {},
): Promise<TestBrowser> {
  const browser = newBrowser(server, options);
  const result = sessionOf(await browser.api.auth.login.mutate({ email, password }));
  browser.accessToken = result.accessToken;
  return browser;
}

/** A sign-in answer that is a session (fails the test when a second factor was asked for instead). */
export function sessionOf<T extends object>(answer: T): Exclude<T, { mfaRequired: true }> {
  if ('mfaRequired' in answer) throw new Error('expected a session, got a second-factor challenge');
  return answer as Exclude<T, { mfaRequired: true }>;
}

/** The tRPC error a call fails with; fails the test when the call succeeds. */
export async function trpcError(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** The code a call fails with, or 'OK' when it succeeds. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCClientError) return String(error.data?.code);
    throw error;
  }
}

/** A POST straight to a procedure, bypassing the tRPC client, to see raw status codes and headers. */
export function rawPost(
  server: TestServer,
  procedure: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/api/trpc/${procedure}`, { method: 'POST', headers, body });
}

/** The tRPC (superjson) body of one call. */
export const jsonBody = (input: unknown) => JSON.stringify({ json: input });
