import { Link, useRouterState } from '@tanstack/react-router';
import { AppLogo } from '../components/app-logo';
import { buttonClasses } from '../components/button';
import { ThemeMenu } from '../components/theme-menu';
import { useAuth } from '../features/auth/use-auth';
import { UserMenu } from '../features/auth/user-menu';
import { HealthIndicator } from '../features/health/health-indicator';
import { placeOfPath } from '../features/navigation/place';
import { LazyReminderBell } from '../features/reminders/lazy-reminder-bell';

const NAV = [
  { to: '/', label: 'Tasks', narrow: true },
  { to: '/status', label: 'Status', narrow: false },
  { to: '/settings', label: 'Settings', narrow: true },
] as const;

const navLink =
  'inline-flex h-7 items-center rounded-md px-2.5 text-muted transition-colors hover:bg-subtle hover:text-fg ' +
  'aria-[current=page]:bg-subtle aria-[current=page]:font-medium aria-[current=page]:text-fg';

export function AppHeader() {
  const auth = useAuth();
  const signedIn = auth.status === 'signed-in';
  const onPlace = useRouterState({ select: (state) => placeOfPath(state.location.pathname) !== null });
  return (
    <header className="sticky top-0 z-10 border-line border-b bg-surface">
      <div className="flex h-12 items-center gap-3 px-4 sm:gap-4 sm:px-6">
        <Link to="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold tracking-tight">
          <AppLogo size={20} />
          <span className="sr-only sm:not-sr-only">Taskapp</span>
        </Link>
        {signedIn ? (
          <nav aria-label="Main" className="flex min-w-0 items-center gap-0.5">
            {NAV.map((item) => (
              <Link
                key={item.to}
                to={item.to}
                className={item.narrow ? navLink : `${navLink} max-sm:hidden`}
                // Tasks stays marked in every place and with any filter in the URL.
                activeOptions={{ exact: item.to === '/', includeSearch: false }}
                {...(item.to === '/' && onPlace ? { 'aria-current': 'page' as const } : {})}
              >
                {item.label}
              </Link>
            ))}
          </nav>
        ) : null}
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <HealthIndicator />
          {signedIn ? <LazyReminderBell userId={auth.user.id} /> : null}
          <ThemeMenu />
          <span aria-hidden="true" className="h-4 w-px bg-line" />
          {signedIn ? (
            <UserMenu user={auth.user} />
          ) : (
            <>
              <Link to="/sign-in" className={buttonClasses('ghost', 'sm')}>
                Sign in
              </Link>
              <Link to="/sign-up" className={buttonClasses('primary', 'sm')}>
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
