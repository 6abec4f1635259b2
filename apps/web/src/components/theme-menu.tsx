import * as Menu from '@radix-ui/react-dropdown-menu';
import { Check, Monitor, Moon, Sun } from 'lucide-react';
import { type ThemeChoice, useThemeChoice } from '../lib/theme';
import { MENU_CONTENT, MENU_ITEM } from './menu-styles';

const CHOICES = [
  { value: 'system', label: 'System', icon: Monitor },
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
] as const satisfies ReadonlyArray<{ value: ThemeChoice; label: string; icon: unknown }>;

/** Light, dark or the system's setting; remembered in this browser. */
export function ThemeMenu() {
  const [choice, setChoice] = useThemeChoice();
  const current = CHOICES.find((option) => option.value === choice) ?? CHOICES[0];
  const Icon = current.icon;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={`Theme: ${current.label}`}
        title="Theme"
        className="inline-flex size-8 items-center justify-center rounded-md text-muted transition-colors hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle"
      >
        <Icon aria-hidden="true" className="size-4" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} collisionPadding={8} className={`${MENU_CONTENT} w-40`}>
          <Menu.Label className="px-2 py-1 text-muted text-xs">Theme</Menu.Label>
          <Menu.RadioGroup value={choice} onValueChange={(value) => setChoice(value as ThemeChoice)}>
            {CHOICES.map(({ value, label, icon: ItemIcon }) => (
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
