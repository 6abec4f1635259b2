import { SIDEBAR_COOKIE } from '@taskapp/shared/constants';
import { createContext, useCallback, useContext, useState } from 'react';
import { onServer, serverRender, tellServer } from '../../lib/server-render';
import { useMediaQuery } from '../../lib/use-media-query';

const COLLAPSED_KEY = 'taskapp.sidebarCollapsed';
/** Below this width the sidebar is a drawer (Tailwind's `md`). */
const WIDE = '(min-width: 48rem)';

function readCollapsed(): boolean {
  if (onServer) return serverRender.sidebarCollapsed;
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
      writeSidebarCookie(!was);
      return !was;
    });
  }, []);
  return { collapsed, drawerOpen, wide, setDrawerOpen, toggle };
}

export const SidebarContext = createContext<SidebarState | null>(null);

export function useSidebar(): SidebarState | null {
  return useContext(SidebarContext);
}

/** Tells the server the sidebar is kept hidden here, so a place it draws has it hidden too (decision 020). */
const writeSidebarCookie = (collapsed: boolean) => tellServer(SIDEBAR_COOKIE, collapsed ? '1' : '');

// A choice made before the server drew places has no cookie yet.
if (!onServer && typeof document !== 'undefined' && readCollapsed()) writeSidebarCookie(true);
