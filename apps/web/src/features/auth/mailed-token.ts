import { useEffect, useState } from 'react';

/**
 * The token of a mailed link. Links carry it after '#', which browsers never send to a server or proxy
 * (so it stays out of their logs); links mailed before that carry it as `?token=`, still accepted.
 */
export function tokenFromUrl(url: URL): string | undefined {
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? url.searchParams.get('token');
  return token?.trim() || undefined;
}

/** The same address with the token moved from the query into the fragment; null when nothing moves. */
export function withTokenInFragment(url: URL): URL | null {
  const token = url.searchParams.get('token');
  if (token === null) return null;
  const moved = new URL(url);
  moved.searchParams.delete('token');
  moved.hash = new URLSearchParams({ token }).toString();
  return moved;
}

/** Reads the link's token once, and takes an old-style `?token=` out of the address bar. */
export function useMailedToken(): string | undefined {
  const [token] = useState(() => tokenFromUrl(new URL(window.location.href)));
  useEffect(() => {
    const moved = withTokenInFragment(new URL(window.location.href));
    if (moved) window.history.replaceState(window.history.state, '', moved);
  }, []);
  return token;
}
