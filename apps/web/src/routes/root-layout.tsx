import { Outlet } from '@tanstack/react-router';
import { useDeferredValue, useState } from 'react';
import { TimeZonePrompt } from '../features/account/time-zone-prompt';
import { SessionSplash } from '../features/auth/session-splash';
import { UnverifiedBanner } from '../features/auth/unverified-banner';
import { getAuthState } from '../lib/auth-store';
import { onServer } from '../lib/server-render';
import { AppHeader } from './app-header';

export function RootLayout() {
  // The signed-in screen (header, sidebar, the place and its list) appears when the router has its code,
  // in one urgent update from the router's store: one long task on a phone. React first commits the splash
  // again (what was already on screen) and then builds the screen in a background render it interrupts
  // every few milliseconds. A page opened signed out renders at once (no initial value, no second render),
  // and signing in later finds the layout built.
  // The server draws the screen at once (it has no later render to defer to).
  const [signedInAtStart] = useState(() => getAuthState().status === 'signed-in' && !onServer);
  const built = useDeferredValue(true, signedInAtStart ? false : undefined);
  if (!built) return <SessionSplash />;
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
