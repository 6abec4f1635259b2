import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { TextField } from '../../components/text-field';
import { applyServerErrors } from '../../lib/form-errors';
import { lazyResolver } from '../../lib/lazy-resolver';
import { adoptSignIn } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { TEXT_LINK } from './auth-layout';
import { PasskeySignInButton } from './passkey-sign-in-button';
import { type MfaChallenge, SecondFactorForm } from './second-factor-form';

// zod and the schema are not needed to show the form: the sign-in page is the first many people see. They
// load when the form is first used (a focus, or a press: Safari does not focus a pressed button), not when
// the page is idle: running zod's set-up on a phone is a long task, which would come while the page is still
// being read. A key pressed in the form means a field has the focus already.
const loginChecks = lazyResolver(() => import('./login-resolver').then((module) => module.loginResolver));

export function SignInForm() {
  const trpc = useTRPC();
  const signIn = useMutation(trpc.auth.login.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const form = useForm({
    resolver: loginChecks.resolver,
    defaultValues: { email: '', password: '' },
    mode: 'onTouched',
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (signIn.isPending) return;
    setFormError(null);
    try {
      // The route guard notices the session and moves on to where the person was heading.
      const answer = await signIn.mutateAsync(values);
      if ('mfaRequired' in answer) setChallenge(answer);
      else adoptSignIn(answer);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['email', 'password']));
    }
  });

  if (challenge)
    return (
      <SecondFactorForm
        challenge={challenge}
        onRestart={() => {
          setChallenge(null);
          form.setValue('password', '');
        }}
      />
    );

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      onFocus={loginChecks.preload}
      onPointerDown={loginChecks.preload}
      className="flex flex-col gap-4"
      aria-label="Sign in"
    >
      <FormAlert>{formError}</FormAlert>
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register('email')}
      />
      <PasswordField
        label="Password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register('password')}
      />
      <Button type="submit" variant="primary" className="mt-1 w-full" pending={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
      {/* After the button, so the keyboard path from the fields to "Sign in" has no detour. */}
      <Link to="/forgot-password" className={`${TEXT_LINK} self-center text-sm`}>
        Forgot password?
      </Link>
      <div className="flex items-center gap-3 text-muted text-sm" aria-hidden="true">
        <span className="h-px flex-1 bg-line" />
        or
        <span className="h-px flex-1 bg-line" />
      </div>
      <PasskeySignInButton onError={setFormError} />
    </form>
  );
}
