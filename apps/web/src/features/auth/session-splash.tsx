import { AppLogo } from '../../components/app-logo';

/**
 * Shown for the moment it takes to restore the session from the refresh cookie. It stays blank at
 * first and fades in only if that takes a while, so a quick restore shows no flash of anything.
 */
export function SessionSplash() {
  return (
    <div className="flex min-h-dvh flex-col">
      <div aria-hidden="true" className="h-12 border-line border-b bg-surface" />
      <div className="flex flex-1 items-center justify-center">
        <div role="status" className="flex flex-col items-center gap-3 motion-safe:animate-splash">
          <AppLogo size={28} className="motion-safe:animate-pulse" />
          <span className="text-muted text-sm">Opening Taskapp…</span>
        </div>
      </div>
    </div>
  );
}
