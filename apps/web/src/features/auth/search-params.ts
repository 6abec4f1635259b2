import { safeRedirect } from '../../lib/safe-redirect';

export const SIGN_IN_NOTICES = ['session-ended', 'password-reset', 'account-deleted'] as const;
export type SignInNotice = (typeof SIGN_IN_NOTICES)[number];

export interface SignInSearch {
  redirect?: string | undefined;
  notice?: SignInNotice | undefined;
}

export interface TokenSearch {
  token?: string | undefined;
}

function isNotice(value: unknown): value is SignInNotice {
  return SIGN_IN_NOTICES.includes(value as SignInNotice);
}

// Every key is always returned, undefined when unusable: the router merges what a validator returns
// over the raw query string, so a key left out would let the unchecked value through.

export function parseSignInSearch(search: Record<string, unknown>): SignInSearch {
  return {
    redirect: safeRedirect(search.redirect),
    notice: isNotice(search.notice) ? search.notice : undefined,
  };
}

export function parseRedirectSearch(search: Record<string, unknown>): Pick<SignInSearch, 'redirect'> {
  return { redirect: safeRedirect(search.redirect) };
}

export function parseTokenSearch(search: Record<string, unknown>): TokenSearch {
  const token = search.token;
  if (typeof token === 'string' && token) return { token };
  // The router's query parser turns a numeric-looking value into a number.
  if (typeof token === 'number') return { token: String(token) };
  return { token: undefined };
}
