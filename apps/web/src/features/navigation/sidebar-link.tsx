import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';

// 44 px tall on touch screens, denser with a mouse.
export const SIDEBAR_ITEM =
  'flex h-11 min-w-0 flex-1 items-center gap-2.5 rounded-md px-2.5 text-muted transition-colors hover:bg-subtle hover:text-fg md:h-8 ' +
  'aria-[current=page]:bg-subtle aria-[current=page]:font-medium aria-[current=page]:text-fg';

interface SidebarLinkProps {
  to: LinkProps['to'];
  params?: LinkProps['params'];
  icon: ReactNode;
  label: string;
  /** Open tasks, shown at the end of the item. */
  count?: number;
  /** The letter that goes here after G, shown in the tooltip. */
  shortcut?: string;
  onNavigate?: () => void;
}

/** One place in the sidebar; the place shown is marked (aria-current) whatever its search or filters. */
export function SidebarLink({ to, params, icon, label, count, shortcut, onNavigate }: SidebarLinkProps) {
  return (
    <Link
      to={to}
      params={params}
      activeOptions={{ exact: true, includeSearch: false }}
      onClick={onNavigate}
      title={shortcut ? `${label} (G then ${shortcut})` : undefined}
      className={SIDEBAR_ITEM}
    >
      {icon}
      <span className="min-w-0 flex-1 truncate">{label}</span>
      {count ? (
        <>
          <span aria-hidden="true" className="text-faint text-xs tabular-nums">
            {count}
          </span>
          <span className="sr-only">, {count} open</span>
        </>
      ) : null}
    </Link>
  );
}
