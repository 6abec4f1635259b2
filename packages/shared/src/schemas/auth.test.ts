import { describe, expect, it } from 'vitest';
import {
  changePasswordInput,
  deleteAccountInput,
  revokeSessionInput,
  updateProfileInput,
} from './account.js';
import { loginInput, registerInput, resetPasswordInput } from './auth.js';

const valid = { email: ' Ada@Example.COM ', name: '  Ada Lovelace ', password: 'analytical engine' };

describe('registerInput', () => {
  it('trims and lower-cases the email and trims the name, but never the password', () => {
    const parsed = registerInput.parse({ ...valid, password: ' spaced out ' });
    expect(parsed).toEqual({ email: 'ada@example.com', name: 'Ada Lovelace', password: ' spaced out ' });
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ email: `${'a'.repeat(250)}@example.com` }, 'email'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(256) }, 'name'],
    [{ name: 'Ada\u0000' }, 'name'],
    [{ name: 'there!\nYour account is LOCKED' }, 'name'],
    [{ name: 'Ada\rLovelace' }, 'name'],
    [{ name: 'Ada\tLovelace' }, 'name'],
    [{ name: 'Ada\u0007' }, 'name'],
    [{ name: 'Ada\u2028Lovelace' }, 'name'],
    [{ email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com` }, 'email'],
    [{ password: 'short' }, 'password'],
    [{ password: 'x'.repeat(129) }, 'password'],
    [{ password: 'lone \uD800 surrogate' }, 'password'],
  ])('refuses %o', (change, field) => {
    const result = registerInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it('accepts an email of 254 characters (RFC 5321) and names with accents and emoji', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(email).toHaveLength(254);
    expect(registerInput.parse({ ...valid, email }).email).toBe(email);
    expect(registerInput.parse({ ...valid, name: 'Zoë O’Brien-Łukasz 🎉' }).name).toBe(
      'Zoë O’Brien-Łukasz 🎉',
    );
  });

  it('accepts a 128-character password and keeps every character', () => {
    const password = `${'p'.repeat(127)}!`;
    expect(registerInput.parse({ ...valid, password }).password).toBe(password);
  });

  it('rejects unknown keys such as userId', () => {
    expect(registerInput.safeParse({ ...valid, userId: 'x' }).success).toBe(false);
  });
});

describe('other auth and account inputs', () => {
  it('login needs an email and a non-empty password', () => {
    expect(loginInput.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
    expect(loginInput.parse({ email: 'A@B.co', password: 'x' })).toEqual({ email: 'a@b.co', password: 'x' });
  });

  it('reset needs a token and a valid new password', () => {
    expect(resetPasswordInput.safeParse({ token: '', password: 'long enough' }).success).toBe(false);
    expect(resetPasswordInput.safeParse({ token: 'abc', password: 'short' }).success).toBe(false);
  });

  it('account inputs are strict', () => {
    expect(updateProfileInput.safeParse({ name: 'A', email: 'x@y.z' }).success).toBe(false);
    expect(changePasswordInput.safeParse({ currentPassword: 'a', newPassword: 'long enough' }).success).toBe(
      true,
    );
    expect(revokeSessionInput.safeParse({ id: 'nope' }).success).toBe(false);
    expect(deleteAccountInput.safeParse({}).success).toBe(false);
  });
});
