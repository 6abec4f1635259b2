import * as Menu from '@radix-ui/react-dropdown-menu';
import { LogOut, Settings } from 'lucide-react';
import type { LoadedMenuProps } from '../../components/deferred-menu';
import { LoadedDropdown } from '../../components/loaded-dropdown';
import { MENU_ITEM as ITEM, MENU_SEPARATOR } from '../../components/menu-styles';
import type { SessionUser } from '../../lib/api-types';
import { useSignOut } from './use-sign-out';

/** The account menu itself, loaded after the first page: see UserMenu. */
export function LoadedUserMenu({
  user,
  openSettings,
  ...menu
}: LoadedMenuProps & { user: SessionUser; openSettings: () => void }) {
  const signOut = useSignOut();
  return (
    <LoadedDropdown {...menu} sideOffset={6} className="w-60">
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
    </LoadedDropdown>
  );
}
