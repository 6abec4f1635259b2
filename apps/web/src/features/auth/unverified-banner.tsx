import { MailWarning } from 'lucide-react';
import { Button } from '../../components/button';
import { useAuth } from './use-auth';
import { useResendVerification } from './use-resend-verification';

/** Until the email is confirmed, every signed-in page says so and offers a new link. */
export function UnverifiedBanner() {
  const auth = useAuth();
  const email = auth.status === 'signed-in' ? auth.user.email : '';
  const resend = useResendVerification(email);
  if (auth.status !== 'signed-in' || auth.user.isVerified) return null;
  return (
    <section aria-label="Email confirmation" className="border-line border-b bg-accent-soft">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 text-sm sm:px-6">
        {/* Wide enough for the sentence, or the button wraps below it on narrow screens. */}
        <div className="flex min-w-0 flex-1 basis-72 items-start gap-2.5">
          <MailWarning aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-accent-text" />
          <p className="min-w-0">
            Confirm your email address: we sent a link to{' '}
            <span className="wrap-anywhere font-medium">{auth.user.email}</span>.
          </p>
        </div>
        <Button size="sm" variant="secondary" pending={resend.isPending} onClick={() => resend.mutate()}>
          Resend link
        </Button>
      </div>
    </section>
  );
}
