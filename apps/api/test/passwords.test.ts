import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../src/auth/passwords.js';

describe('password hashing', () => {
  it('uses Argon2id with m=19456 KiB, t=2, p=1', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain('correct horse');
  });

  it('verifies the right password and refuses others, including a truncated one', async () => {
    const long = `${'a'.repeat(100)}tail`;
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, 'a'.repeat(100))).toBe(false);
    expect(await verifyPassword('not-a-hash', long)).toBe(false);
  });
});
