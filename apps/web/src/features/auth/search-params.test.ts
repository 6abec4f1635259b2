import { describe, expect, it } from 'vitest';
import { parseSignInSearch, parseTokenSearch } from './search-params';

describe('search params', () => {
  it('always returns every key, so an unchecked raw value can never show through', () => {
    expect(parseSignInSearch({ redirect: '//evil.example', notice: 'nonsense' })).toEqual({
      redirect: undefined,
      notice: undefined,
    });
    expect(parseSignInSearch({ redirect: '/settings', notice: 'session-ended' })).toEqual({
      redirect: '/settings',
      notice: 'session-ended',
    });
  });

  it('reads a token, even one the router parsed as a number', () => {
    expect(parseTokenSearch({ token: 'abc' })).toEqual({ token: 'abc' });
    expect(parseTokenSearch({ token: 12345 })).toEqual({ token: '12345' });
    expect(parseTokenSearch({})).toEqual({ token: undefined });
  });
});
