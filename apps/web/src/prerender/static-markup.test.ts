import { describe, expect, it } from 'vitest';
import { staticMarkup } from './static-markup';

describe('staticMarkup', () => {
  const rendered =
    '<link rel="preload" as="image" href="/favicon.svg"/><title>Sign in · Taskapp</title>' +
    '<div class="page"><form aria-label="Sign in"><input name="email"/><button type="submit">Sign in</button></form>' +
    '<script>(function(){scrollTo(0,0)})()</script></div>';

  it('returns the hoisted title apart and the page from its first element on', () => {
    const { title, markup } = staticMarkup(rendered);
    expect(title).toBe('Sign in · Taskapp');
    expect(markup.startsWith('<div class="page">')).toBe(true);
    expect(markup).not.toContain('<link');
  });

  it('drops inline scripts (the CSP forbids them) and makes forms post, never put a password in the address', () => {
    const { markup } = staticMarkup(rendered);
    expect(markup).not.toContain('<script');
    expect(markup).toContain('<form method="post" aria-label="Sign in">');
    expect(markup).toContain('<button type="submit">Sign in</button>');
    expect(markup).toContain('<input name="email"/>');
  });

  it('refuses a page without a title', () => {
    expect(() => staticMarkup('<div></div>')).toThrow(/no <title>/);
  });
});
