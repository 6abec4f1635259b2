import * as Menu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';
import type { LoadedMenuProps } from './deferred-menu';
import { MENU_CONTENT } from './menu-styles';

interface LoadedDropdownProps extends LoadedMenuProps {
  /** Width and scrolling of the menu, added to the shared menu look. */
  className: string;
  /** Which edge of the trigger the menu lines up with: toolbar menus open from their start. */
  align?: 'start' | 'end';
  /** Gap between trigger and menu: header menus sit a little further from their trigger. */
  sideOffset?: number;
  onCloseAutoFocus?: (event: Event) => void;
  children: ReactNode;
}

/**
 * The Radix menu a DeferredMenu mounts once its trigger is used (deferred-menu.tsx): the trigger it was
 * handed, open at once if it was asked for before the menu's code arrived, aligned to the trigger's end
 * unless told otherwise.
 * Not modal, so the page behind it stays usable.
 */
export function LoadedDropdown({
  trigger,
  triggerRef,
  defaultOpen,
  className,
  align = 'end',
  sideOffset = 4,
  onCloseAutoFocus,
  children,
}: LoadedDropdownProps) {
  return (
    <Menu.Root modal={false} defaultOpen={defaultOpen}>
      <Menu.Trigger ref={triggerRef} {...trigger} />
      <Menu.Portal>
        <Menu.Content
          align={align}
          sideOffset={sideOffset}
          collisionPadding={8}
          className={`${MENU_CONTENT} ${className}`}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
