import { AuthPlaceholder } from '../features/auth/auth-placeholder';

export function SignUpPage() {
  return (
    <AuthPlaceholder
      title="Create an account"
      description="Your tasks, private to you, on every device."
      switchPrompt="Already have an account?"
      switchTo="/sign-in"
      switchLabel="Sign in"
    >
      Accounts are on their way. Soon you’ll sign up here with your name, email and a password.
    </AuthPlaceholder>
  );
}
