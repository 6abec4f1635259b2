import { createContext, useCallback, useContext, useState } from 'react';
import { useMediaQuery } from '../../lib/use-media-query';

const COLLAPSED_KEY = 'taskapp.sidebarCollapsed';
/** Below this width the sidebar is a drawer (Tailwind's `md`). */
const WIDE = '(min-width: 48rem)';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export interface SidebarState {
  /** Desktop: the sidebar is hidden by choice (remembered). */
  collapsed: boolean;
  /** Phone: the drawer is open. */
  drawerOpen: boolean;
  /** A wide screen, where the sidebar sits beside the place (on a phone it is only the drawer). */
  wide: boolean;
  setDrawerOpen: (open: boolean) => void;
  /** The one bar button: opens the drawer on a phone, shows or hides the sidebar on a wide screen. */
  toggle: () => void;
}

const isWide = () => matchMedia(WIDE).matches;

export function useSidebarState(): SidebarState {
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const wide = useMediaQuery(WIDE);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const toggle = useCallback(() => {
    if (!isWide()) return setDrawerOpen(true);
    setCollapsed((was) => {
      try {
        localStorage.setItem(COLLAPSED_KEY, was ? '0' : '1');
      } catch {
        // Not remembered then; it still toggles.
      }
      return !was;
    });
  }, []);
  return { collapsed, drawerOpen, wide, setDrawerOpen, toggle };
}

export const SidebarContext = createContext<SidebarState | null>(null);

export function useSidebar(): SidebarState | null {
  return useContext(SidebarContext);
}
