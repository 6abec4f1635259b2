import * as Menu from '@radix-ui/react-dropdown-menu';
import { useNavigate } from '@tanstack/react-router';
import { ChevronDown, LogOut, Settings } from 'lucide-react';
import { MENU_ITEM as ITEM, MENU_CONTENT, MENU_SEPARATOR } from '../../components/menu-styles';
import type { SessionUser } from '../../lib/api-types';
import { useShortcut } from '../../lib/use-shortcut';
import { useSignOut } from './use-sign-out';

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
  const signOut = useSignOut();
  const openSettings = () => void navigate({ to: '/settings' });
  useShortcut(',', openSettings);

  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={`${user.name}, account menu`}
        className="inline-flex h-8 max-w-48 items-center gap-1.5 rounded-md px-1 text-muted transition-colors hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle"
      >
        <span
          aria-hidden="true"
          className="flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-soft font-semibold text-accent-text text-xs"
        >
          {initials(user.name)}
        </span>
        <span className="truncate text-sm max-sm:hidden">{user.name}</span>
        <ChevronDown aria-hidden="true" className="size-3.5 shrink-0" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} collisionPadding={8} className={`${MENU_CONTENT} w-60`}>
          <div className="px-2 py-1.5">
            <p className="truncate font-medium">{user.name}</p>
            <p className="truncate text-muted text-sm">{user.email}</p>
          </div>
          <Menu.Separator className={MENU_SEPARATOR} />
          <Menu.Item className={ITEM} onSelect={openSettings} aria-keyshortcuts=",">
            <Settings aria-hidden="true" className="size-4 text-muted" />
            Settings
            {/* The shared <Kbd> is sized for letters; a lone comma needs the larger text to be seen. */}
            <kbd className="ml-auto rounded-sm border border-line-strong px-1.5 font-mono text-muted text-sm leading-4">
              ,
            </kbd>
          </Menu.Item>
          <Menu.Item
            className={ITEM}
            disabled={signOut.isPending}
            onSelect={() => {
              signOut.mutate();
            }}
          >
            <LogOut aria-hidden="true" className="size-4 text-muted" />
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
