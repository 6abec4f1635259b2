import * as Menu from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';
import type { ThemeChoice } from '../lib/theme';
import type { LoadedMenuProps } from './deferred-menu';
import { LoadedDropdown } from './loaded-dropdown';
import { MENU_ITEM } from './menu-styles';
import { THEME_CHOICES } from './theme-choices';

/** The theme menu itself, loaded after the first page: see ThemeMenu. */
export function LoadedThemeMenu({
  choice,
  onChoose,
  ...menu
}: LoadedMenuProps & { choice: ThemeChoice; onChoose: (choice: ThemeChoice) => void }) {
  return (
    <LoadedDropdown {...menu} sideOffset={6} className="w-40">
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
    </LoadedDropdown>
  );
}
