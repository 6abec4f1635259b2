import { getRouteApi, Link } from '@tanstack/react-router';
import { UserPlus } from 'lucide-react';
import { AuthLayout, TEXT_LINK } from '../features/auth/auth-layout';
import { SignUpForm } from '../features/auth/sign-up-form';

const route = getRouteApi('/_page/sign-up');

export function SignUpPage() {
  const { redirect } = route.useSearch();
  return (
    <AuthLayout
      title="Create an account"
      description="Your tasks, private to you, on every device."
      icon={<UserPlus aria-hidden="true" className="size-5" />}
      footer={
        <>
          Already have an account?{' '}
          <Link to="/sign-in" search={redirect ? { redirect } : {}} className={TEXT_LINK}>
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthLayout>
  );
}
