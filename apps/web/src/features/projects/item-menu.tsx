import { MoreHorizontal } from 'lucide-react';
import { DeferredMenu, menuChunk } from '../../components/deferred-menu';
import type { ItemMenuActions } from './item-menu-loaded';

const itemMenu = menuChunk(() => import('./item-menu-loaded').then((module) => module.LoadedItemMenu));

/**
 * A project's or label's … menu in the sidebar: rename, colour, archive (projects), delete. Every item has
 * one, so the menu itself (Radix) is mounted only on the item whose trigger is used.
 */
export function ItemMenu({
  label,
  ...actions
}: ItemMenuActions & { /** "Project actions: Garden". */ label: string }) {
  return (
    <DeferredMenu
      chunk={itemMenu}
      mountWhen="used"
      props={actions}
      trigger={{
        'aria-label': label,
        className:
          'flex size-11 shrink-0 items-center justify-center rounded-md text-faint hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle md:size-8',
        children: <MoreHorizontal aria-hidden="true" className="size-4" />,
      }}
    />
  );
}
