import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

interface ThemeApi {
  read(): ThemeChoice;
  set(choice: ThemeChoice): void;
}

declare global {
  interface Window {
    /** Installed by public/theme.js, which runs before the app and owns the data-theme attribute. */
    taskappTheme?: ThemeApi;
  }
}

/** The remembered theme choice and a setter; follows changes made in other tabs. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  // No window when the build prerenders a page (src/prerender/): the icon then says "system" until the app runs.
  const [choice, setChoice] = useState<ThemeChoice>(() =>
    typeof window === 'undefined' ? 'system' : (window.taskappTheme?.read() ?? 'system'),
  );
  useEffect(() => {
    const onChange = () => setChoice(window.taskappTheme?.read() ?? 'system');
    window.addEventListener('taskapp-theme', onChange);
    return () => window.removeEventListener('taskapp-theme', onChange);
  }, []);
  return [choice, (next) => window.taskappTheme?.set(next)];
}
