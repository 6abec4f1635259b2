import { ArrowRightLeft } from 'lucide-react';
import { DeferredMenu, menuChunk } from '../../components/deferred-menu';
import type { MoveToStatusProps } from './move-to-status-menu-loaded';

const moveToStatusMenu = menuChunk(() =>
  import('./move-to-status-menu-loaded').then((module) => module.LoadedMoveToStatusMenu),
);

/**
 * "Move to…" on a card: the same move as a drag, for anyone who would rather pick from a list. Every card
 * has one, so the menu itself (Radix) is mounted only on the card whose trigger is used.
 */
export function MoveToStatusMenu({ task, onMove }: MoveToStatusProps) {
  return (
    <DeferredMenu
      chunk={moveToStatusMenu}
      mountWhen="used"
      props={{ task, onMove }}
      trigger={{
        'aria-label': `Move “${task.title}” to…`,
        title: 'Move to…',
        className:
          'flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle max-sm:size-11',
        children: <ArrowRightLeft aria-hidden="true" className="size-3.5" />,
      }}
    />
  );
}
