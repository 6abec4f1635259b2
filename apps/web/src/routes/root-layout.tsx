import { Outlet } from '@tanstack/react-router';
import { useDeferredValue } from 'react';
import { TimeZonePrompt } from '../features/account/time-zone-prompt';
import { SessionSplash } from '../features/auth/session-splash';
import { UnverifiedBanner } from '../features/auth/unverified-banner';
import { useUser } from '../features/auth/use-auth';
import { AppHeader } from './app-header';

export function RootLayout() {
  const signedIn = useUser() !== null;
  // The signed-in screen (header, sidebar, the place and its list) appears when the router has its code,
  // in one urgent update from the router's store: one long task on a phone. React first commits the splash
  // again (what was already on screen) and then builds the screen in a background render it interrupts
  // every few milliseconds.
  const built = useDeferredValue(true, false);
  if (signedIn && !built) return <SessionSplash />;
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-accent px-3 py-1.5 text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-20"
      >
        Skip to content
      </a>
      <AppHeader />
      <UnverifiedBanner />
      <TimeZonePrompt />
      {/* Each layout under here (centred page, task places with the sidebar) has its own <main id="main">. */}
      <Outlet />
    </div>
  );
}
