import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('keeps paths on this site, with their query and hash', () => {
    expect(safeRedirect('/settings')).toBe('/settings');
    expect(safeRedirect('/?view=today#top')).toBe('/?view=today#top');
  });

  it.each([
    '//evil.example/steal',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'settings',
    '',
    42,
    undefined,
  ])('refuses %s', (value) => {
    expect(safeRedirect(value)).toBeUndefined();
  });

  it('refuses the sign-in pages themselves, which would bounce back', () => {
    expect(safeRedirect('/sign-in')).toBeUndefined();
    expect(safeRedirect('/sign-up?redirect=/settings')).toBeUndefined();
    expect(safeRedirect('/forgot-password')).toBeUndefined();
  });
});
