import { AuthPlaceholder } from '../features/auth/auth-placeholder';

export function SignInPage() {
  return (
    <AuthPlaceholder
      title="Sign in"
      description="Welcome back to Taskapp."
      switchPrompt="New here?"
      switchTo="/sign-up"
      switchLabel="Create an account"
    >
      Signing in arrives together with accounts. Until then there is nothing to sign in to.
    </AuthPlaceholder>
  );
}
