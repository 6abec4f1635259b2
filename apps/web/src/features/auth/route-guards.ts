import { type ParsedLocation, redirect } from '@tanstack/react-router';
import { getAuthState, type SignedOutReason } from '../../lib/auth-store';
import type { SignInNotice, SignInSearch } from './search-params';

const NOTICES: Partial<Record<SignedOutReason, SignInNotice>> = {
  'session-ended': 'session-ended',
  'account-deleted': 'account-deleted',
};

/** For pages that need a session: off to sign in, and back here afterwards unless they left on purpose. */
export function requireSignedIn(location: ParsedLocation): void {
  const auth = getAuthState();
  if (auth.status === 'signed-in') return;
  const reason = auth.status === 'signed-out' ? auth.reason : null;
  const leftOnPurpose = reason === 'signed-out' || reason === 'account-deleted';
  const search: SignInSearch = {};
  if (!leftOnPurpose && location.href !== '/') search.redirect = location.href;
  const notice = reason ? NOTICES[reason] : undefined;
  if (notice) search.notice = notice;
  throw redirect({ to: '/sign-in', search, replace: true });
}

/** For sign-in, sign-up and forgot-password: someone already signed in goes where they were heading. */
export function requireSignedOut(redirectTo: string | undefined): void {
  if (getAuthState().status !== 'signed-in') return;
  throw redirect({ href: redirectTo ?? '/', replace: true });
}
