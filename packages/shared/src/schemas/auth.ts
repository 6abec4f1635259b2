import { z } from 'zod';
import { LIMITS } from '../constants.js';
import { storableText } from '../text.js';
import { timeZoneSchema } from './time-zone.js';

/** Trimmed and lower-cased, so "Ada@Example.com " and "ada@example.com" are one account. */
export const emailSchema = storableText()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax, `Use at most ${LIMITS.emailMax} characters`)
  .pipe(z.email('Enter a valid email address'));

// Names appear in the app and (never in) mail; line breaks, tabs and other control characters (C0, DEL,
// C1, the Unicode line and paragraph separators) have no place in one. NUL has storableText's message.
function hasControlCharacter(value: string): boolean {
  return [...value].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (code > 0 && code < 0x20) || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
  });
}

export const nameSchema = storableText()
  .trim()
  .min(1, 'Enter your name')
  .max(LIMITS.nameMax, `Use at most ${LIMITS.nameMax} characters`)
  .refine((name) => !hasControlCharacter(name), { message: 'Use a name without line breaks or tabs' });

/** Length rules only; the api also refuses common passwords and the account's own email. Never trimmed or truncated. */
export const newPasswordSchema = storableText()
  .min(LIMITS.passwordMin, `Use at least ${LIMITS.passwordMin} characters`)
  .max(LIMITS.passwordMax, `Use at most ${LIMITS.passwordMax} characters`);

/** A password being checked, not chosen: any length the rules could ever have allowed. */
export const currentPasswordSchema = storableText()
  .min(1, 'Enter your password')
  .max(LIMITS.passwordMax, `Use at most ${LIMITS.passwordMax} characters`);

const tokenSchema = storableText().trim().min(1, 'The link is incomplete').max(200, 'The link is not valid');

export const registerInput = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  password: newPasswordSchema,
  /** The browser's zone at sign-up; it becomes the account's settings time zone (UTC when left out). */
  timeZone: timeZoneSchema.optional(),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const loginInput = z.strictObject({ email: emailSchema, password: currentPasswordSchema });
export type LoginInput = z.infer<typeof loginInput>;

export const verifyEmailInput = z.strictObject({ token: tokenSchema });
export type VerifyEmailInput = z.infer<typeof verifyEmailInput>;

export const requestPasswordResetInput = z.strictObject({ email: emailSchema });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;

export const resetPasswordInput = z.strictObject({ token: tokenSchema, password: newPasswordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
