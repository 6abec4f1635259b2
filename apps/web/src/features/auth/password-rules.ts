import { LIMITS, passwordMatchesEmail } from '@taskapp/shared';

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
      state: filled && !passwordMatchesEmail(password, email) ? 'met' : 'unmet',
    });
  }
  return rules;
}
