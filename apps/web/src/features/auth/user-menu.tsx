import { useNavigate } from '@tanstack/react-router';
import { ChevronDown } from 'lucide-react';
import { DeferredMenu, menuChunk } from '../../components/deferred-menu';
import type { SessionUser } from '../../lib/api-types';
import { useShortcut } from '../../lib/use-shortcut';

const userMenu = menuChunk(() => import('./user-menu-loaded').then((module) => module.LoadedUserMenu));

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return (
    letters
      .map((part) => Array.from(part ?? '')[0] ?? '')
      .join('')
      .toUpperCase() || '?'
  );
}

export function UserMenu({ user }: { user: SessionUser }) {
  const navigate = useNavigate();
  const openSettings = () => void navigate({ to: '/settings' });
  // Works from the first page, before the menu that shows it has loaded.
  useShortcut(',', openSettings);

  return (
    <DeferredMenu
      chunk={userMenu}
      mountWhen="used"
      props={{ user, openSettings }}
      trigger={{
        'aria-label': `${user.name}, account menu`,
        className:
          'inline-flex h-8 max-w-48 items-center gap-1.5 rounded-md px-1 text-muted transition-colors hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle',
        children: (
          <>
            <span
              aria-hidden="true"
              className="flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-soft font-semibold text-accent-text text-xs"
            >
              {initials(user.name)}
            </span>
            <span className="truncate text-sm max-sm:hidden">{user.name}</span>
            <ChevronDown aria-hidden="true" className="size-3.5 shrink-0" />
          </>
        ),
      }}
    />
  );
}
