import { LIMITS } from '@taskapp/shared';

export type RuleState = 'met' | 'unmet' | 'pending';

export interface PasswordRule {
  id: 'min-length' | 'max-length' | 'not-common' | 'not-email';
  label: string;
  state: RuleState;
}

interface RuleContext {
  email?: string | undefined;
  /** Undefined until the common-password list has loaded. */
  isCommon?: ((password: string) => boolean) | undefined;
}

/** Mirrors the server's check: the whole email, or its local part when that is 4+ characters long. */
export function matchesEmail(password: string, email: string): boolean {
  const normalized = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  if (!normalized || !address) return false;
  const localPart = address.split('@')[0] ?? '';
  return normalized === address || (localPart.length >= 4 && normalized === localPart);
}

/** The rules a new password must meet, as a live checklist. The server enforces the same ones. */
export function passwordRules(password: string, { email, isCommon }: RuleContext): PasswordRule[] {
  const filled = password.length > 0;
  const rules: PasswordRule[] = [
    {
      id: 'min-length',
      label: `At least ${LIMITS.passwordMin} characters`,
      state: password.length >= LIMITS.passwordMin ? 'met' : 'unmet',
    },
  ];
  if (password.length > LIMITS.passwordMax) {
    rules.push({ id: 'max-length', label: `At most ${LIMITS.passwordMax} characters`, state: 'unmet' });
  }
  rules.push({
    id: 'not-common',
    label: 'Not a commonly used password',
    state: !filled ? 'unmet' : isCommon ? (isCommon(password) ? 'unmet' : 'met') : 'pending',
  });
  if (email?.includes('@')) {
    rules.push({
      id: 'not-email',
      label: 'Not your email address',
      state: filled && !matchesEmail(password, email) ? 'met' : 'unmet',
    });
  }
  return rules;
}
