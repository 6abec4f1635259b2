import { createHash, randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export const RECOVERY_CODE_COUNT = 10;

/**
 * 80 random bits each, shown as `abcd-efgh-ijkl-mnop` (base32: no 0/1/8/9 to misread). With that much
 * randomness a plain SHA-256 is enough to store them: no secret to rotate, nothing to guess offline.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = encodeBase32LowerCaseNoPadding(randomBytes(10));
    return code.match(/.{4}/g)?.join('-') ?? code;
  });
}

/** The stored form of a code, typed in any case, with or without dashes (the input schema normalizes it). */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256')
    .update(code.toLowerCase().replace(/[\s-]+/g, ''))
    .digest('hex');
}
