import { useThemeChoice } from '../lib/theme';
import { DeferredMenu, menuChunk } from './deferred-menu';
import { THEME_CHOICES } from './theme-choices';

const themeMenu = menuChunk(() => import('./theme-menu-loaded').then((module) => module.LoadedThemeMenu));

/** Light, dark or the system's setting; remembered in this browser. */
export function ThemeMenu() {
  const [choice, setChoice] = useThemeChoice();
  const current = THEME_CHOICES.find((option) => option.value === choice) ?? THEME_CHOICES[0];
  const Icon = current.icon;
  return (
    <DeferredMenu
      chunk={themeMenu}
      mountWhen="used"
      props={{ choice, onChoose: setChoice }}
      trigger={{
        'aria-label': `Theme: ${current.label}`,
        title: 'Theme',
        className:
          'inline-flex size-8 items-center justify-center rounded-md text-muted transition-colors hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle',
        children: <Icon aria-hidden="true" className="size-4" />,
      }}
    />
  );
}
