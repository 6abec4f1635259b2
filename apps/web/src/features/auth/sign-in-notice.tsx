import { Notice } from '../../components/notice';
import type { SignInNotice as Kind } from './search-params';

const MESSAGES: Record<Kind, { tone: 'info' | 'success'; text: string }> = {
  'session-ended': { tone: 'info', text: 'Your session ended. Sign in again to continue.' },
  'password-reset': { tone: 'success', text: 'Your password was changed. Sign in with your new password.' },
  'account-deleted': { tone: 'info', text: 'Your account and everything in it were deleted.' },
};

export function SignInNotice({ kind }: { kind: Kind }) {
  const { tone, text } = MESSAGES[kind];
  return <Notice tone={tone}>{text}</Notice>;
}
