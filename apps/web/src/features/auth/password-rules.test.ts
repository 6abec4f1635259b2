import { passwordMatchesEmail as matchesEmail } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { passwordRules } from './password-rules';

const stateOf = (rules: ReturnType<typeof passwordRules>, id: string) =>
  rules.find((r) => r.id === id)?.state;

describe('passwordRules', () => {
  it('checks the length at both ends', () => {
    expect(stateOf(passwordRules('short', {}), 'min-length')).toBe('unmet');
    expect(stateOf(passwordRules('12345678', {}), 'min-length')).toBe('met');
    expect(stateOf(passwordRules('x'.repeat(128), {}), 'max-length')).toBeUndefined();
    expect(stateOf(passwordRules('x'.repeat(129), {}), 'max-length')).toBe('unmet');
  });

  it('waits for the common-password list before judging', () => {
    expect(stateOf(passwordRules('password1', {}), 'not-common')).toBe('pending');
    const isCommon = (password: string) => password === 'password1';
    expect(stateOf(passwordRules('password1', { isCommon }), 'not-common')).toBe('unmet');
    expect(stateOf(passwordRules('blue-otter-lamp', { isCommon }), 'not-common')).toBe('met');
  });

  it('adds the email rule only once there is an address', () => {
    expect(stateOf(passwordRules('whatever1', { email: 'ada' }), 'not-email')).toBeUndefined();
    expect(stateOf(passwordRules('Ada@Example.com', { email: 'ada@example.com' }), 'not-email')).toBe(
      'unmet',
    );
    expect(stateOf(passwordRules('different-1', { email: 'ada@example.com' }), 'not-email')).toBe('met');
  });
});

describe('matchesEmail', () => {
  it('matches the address or a local part of four or more characters, ignoring case and spaces', () => {
    expect(matchesEmail(' ADA.LOVELACE ', 'ada.lovelace@example.com')).toBe(true);
    expect(matchesEmail('ada@example.com', 'ada@example.com')).toBe(true);
    expect(matchesEmail('ada', 'ada@example.com')).toBe(false);
    expect(matchesEmail('', 'ada@example.com')).toBe(false);
  });
});
