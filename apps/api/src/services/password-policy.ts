import { passwordMatchesEmail } from '@taskapp/shared';
import { TRPCError } from '@trpc/server';
import { dictionary } from '@zxcvbn-ts/language-common';
import { ZodRealError } from 'zod';

// zxcvbn's list of about 49,000 passwords seen most often in breaches, kept up to date by that project.
const COMMON_PASSWORDS = new Set(
  (dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()),
);

/** Why a password that passes the length rules is still refused, or null when it is fine. */
export function passwordProblem(password: string, email: string): string | null {
  const normalized = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(normalized)) {
    return 'This password is one of the most common ones and easy to guess. Choose another.';
  }
  if (passwordMatchesEmail(password, email)) return 'Your password cannot be your email address.';
  return null;
}

/** A BAD_REQUEST (or other code) whose message also appears under the field, like a zod validation error. */
export function fieldError(code: TRPCError['code'], field: string, message: string): TRPCError {
  // ZodRealError, not ZodError: only the former is an Error, which tRPC keeps as the cause.
  const cause = new ZodRealError([{ code: 'custom', path: [field], message, input: undefined }]);
  return new TRPCError({ code, message, cause });
}

export function assertPasswordAllowed(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) throw fieldError('BAD_REQUEST', field, problem);
}
