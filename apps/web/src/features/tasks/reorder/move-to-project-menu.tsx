import { FolderInput } from 'lucide-react';
import { DeferredMenu, menuChunk } from '../../../components/deferred-menu';
import type { MoveToProjectProps } from './move-to-project-menu-loaded';

const moveToProjectMenu = menuChunk(() =>
  import('./move-to-project-menu-loaded').then((module) => module.LoadedMoveToProjectMenu),
);

interface MoveToProjectMenuProps extends MoveToProjectProps {
  disabled?: boolean;
}

/**
 * "Move to project…" on a row: the same move as dragging it onto the sidebar, from a list. Every row has
 * one, so the menu itself (Radix, the project list) is mounted only on the row whose trigger is used.
 */
export function MoveToProjectMenu({ task, disabled, onMove }: MoveToProjectMenuProps) {
  return (
    <DeferredMenu
      chunk={moveToProjectMenu}
      mountWhen="used"
      props={{ task, onMove }}
      trigger={{
        disabled,
        'aria-label': `Move “${task.title}” to project…`,
        title: 'Move to project…',
        className:
          'flex size-7 shrink-0 items-center justify-center rounded-md text-faint transition-colors hover:bg-subtle hover:text-fg focus-visible:opacity-100 group-focus-within:opacity-100 group-hover:opacity-100 disabled:invisible data-[state=open]:bg-subtle data-[state=open]:opacity-100 max-sm:hidden [@media(hover:hover)]:opacity-0',
        children: <FolderInput aria-hidden="true" className="size-4" />,
      }}
    />
  );
}
