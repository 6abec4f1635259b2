import { describe, expect, it } from 'vitest';
import { tokenFromUrl, withTokenInFragment } from './mailed-token';

const url = (href: string) => new URL(href, 'https://app.example');

describe('tokenFromUrl', () => {
  it.each([
    ['/reset-password#token=abc-DEF_123', 'abc-DEF_123'],
    ['/verify-email#token=abc%2Bdef', 'abc+def'],
    ['/reset-password?token=old-style', 'old-style'],
    ['/reset-password?token=in-query#token=in-fragment', 'in-fragment'],
    ['/reset-password', undefined],
    ['/reset-password#token=', undefined],
    ['/reset-password#other=1', undefined],
  ])('%s → %s', (href, token) => {
    expect(tokenFromUrl(url(href))).toBe(token);
  });
});

describe('withTokenInFragment', () => {
  it('moves ?token= into the fragment and keeps the rest of the query', () => {
    expect(withTokenInFragment(url('/reset-password?token=abc&x=1'))?.toString()).toBe(
      'https://app.example/reset-password?x=1#token=abc',
    );
    expect(withTokenInFragment(url('/verify-email?token=abc'))?.toString()).toBe(
      'https://app.example/verify-email#token=abc',
    );
  });

  it('leaves an address without a query token alone', () => {
    expect(withTokenInFragment(url('/reset-password#token=abc'))).toBeNull();
  });
});
