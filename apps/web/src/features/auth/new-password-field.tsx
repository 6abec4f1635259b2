import { useDeferredValue, useMemo } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { PasswordField } from '../../components/password-field';
import { PasswordChecklist } from './password-checklist';
import { passwordRules } from './password-rules';
import { PasswordStrengthMeter } from './password-strength-meter';
import { usePasswordChecker } from './use-password-checker';

interface NewPasswordFieldProps {
  label?: string;
  registration: UseFormRegisterReturn;
  password: string;
  error?: string | undefined;
  /** Known when signing up or changing a password: the password may not be the email. */
  email?: string | undefined;
  /** Words about the person (name, email) that make a password easy to guess. */
  userInputs?: string[];
  /** After a submit attempt, unmet rules turn red instead of staying neutral. */
  showFailures: boolean;
}

/** A password being chosen: live rule checklist and strength meter under the input. */
export function NewPasswordField({
  label = 'Password',
  registration,
  password,
  error,
  email,
  userInputs = [],
  showFailures,
}: NewPasswordFieldProps) {
  const checker = usePasswordChecker();
  // zxcvbn can take a few milliseconds on long input; typing stays responsive.
  const deferred = useDeferredValue(password);
  const rules = passwordRules(deferred, { email, isCommon: checker?.isCommon });
  const inputsKey = userInputs.join('\n');
  const strength = useMemo(
    () => (checker && deferred ? checker.strength(deferred, inputsKey.split('\n').filter(Boolean)) : null),
    [checker, deferred, inputsKey],
  );
  return (
    <PasswordField
      label={label}
      autoComplete="new-password"
      error={error}
      hint={
        <>
          <PasswordChecklist rules={rules} showFailures={showFailures} />
          {strength ? <PasswordStrengthMeter strength={strength} /> : null}
        </>
      }
      {...registration}
    />
  );
}
