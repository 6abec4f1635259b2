// Pages that would bounce a signed-in person straight back, causing a redirect loop.
const AUTH_PAGES = ['/sign-in', '/sign-up', '/forgot-password'];

/**
 * A same-site path to return to after signing in, or undefined. Refuses anything that could leave the
 * site ("//evil.example", "https://…", "/\evil") so the parameter cannot become an open redirect.
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return undefined;
  if (value.startsWith('//') || value.startsWith('/\\')) return undefined;
  let url: URL;
  try {
    url = new URL(value, 'https://taskapp.invalid');
  } catch {
    return undefined;
  }
  if (url.origin !== 'https://taskapp.invalid') return undefined;
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`)))
    return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
