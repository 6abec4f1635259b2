import * as Menu from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';
import type { ThemeChoice } from '../lib/theme';
import type { LoadedMenuProps } from './deferred-menu';
import { MENU_CONTENT, MENU_ITEM } from './menu-styles';
import { THEME_CHOICES } from './theme-choices';

/** The theme menu itself, loaded after the first page: see ThemeMenu. */
export function LoadedThemeMenu({
  choice,
  onChoose,
  trigger,
  triggerRef,
  defaultOpen,
}: LoadedMenuProps & { choice: ThemeChoice; onChoose: (choice: ThemeChoice) => void }) {
  return (
    <Menu.Root modal={false} defaultOpen={defaultOpen}>
      <Menu.Trigger ref={triggerRef} {...trigger} />
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} collisionPadding={8} className={`${MENU_CONTENT} w-40`}>
          <Menu.Label className="px-2 py-1 text-muted text-xs">Theme</Menu.Label>
          <Menu.RadioGroup value={choice} onValueChange={(value) => onChoose(value as ThemeChoice)}>
            {THEME_CHOICES.map(({ value, label, icon: ItemIcon }) => (
              <Menu.RadioItem key={value} value={value} className={MENU_ITEM}>
                <ItemIcon aria-hidden="true" className="size-4 text-muted" />
                {label}
                <Menu.ItemIndicator className="ml-auto">
                  <Check aria-hidden="true" className="size-4 text-accent-text" />
                </Menu.ItemIndicator>
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
