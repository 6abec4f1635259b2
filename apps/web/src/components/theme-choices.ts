import { Monitor, Moon, Sun } from 'lucide-react';
import type { ThemeChoice } from '../lib/theme';

export const THEME_CHOICES = [
  { value: 'system', label: 'System', icon: Monitor },
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
] as const satisfies ReadonlyArray<{ value: ThemeChoice; label: string; icon: unknown }>;
