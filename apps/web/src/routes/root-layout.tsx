import { Outlet } from '@tanstack/react-router';
import { TimeZonePrompt } from '../features/account/time-zone-prompt';
import { UnverifiedBanner } from '../features/auth/unverified-banner';
import { AppHeader } from './app-header';

export function RootLayout() {
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
