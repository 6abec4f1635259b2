import { passwordMatchesEmail } from '@taskapp/shared';
import { dictionary } from '@zxcvbn-ts/language-common';
import { invalid } from '../domain-error.js';

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

/** Refuses a password the policy does not allow, with the message under the given form field. */
export function assertPasswordAllowed(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) throw invalid(problem, field);
}
