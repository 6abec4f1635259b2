import type { TaskPriority } from '@taskapp/shared';
import { DeferredMenu, menuChunk } from '../../../components/deferred-menu';
import { PRIORITY_LABELS } from '../task-labels';
import { PriorityIcon } from './priority-icon';

export const priorityMenu = menuChunk(() =>
  import('./priority-menu-loaded').then((module) => module.LoadedPriorityMenu),
);

interface PriorityMenuProps {
  priority: TaskPriority;
  title: string;
  disabled?: boolean;
  onChange: (priority: TaskPriority) => void;
}

/**
 * The priority mark at the end of a row, which is also the menu to change it. Medium, the default, shows
 * nothing until the row is hovered or focused, so the list only marks what stands out. Every row has one,
 * so the menu itself (Radix) is mounted only on the row whose mark is used.
 */
export function PriorityMenu({ priority, title, disabled, onChange }: PriorityMenuProps) {
  const label = `${PRIORITY_LABELS[priority]} priority`;
  return (
    <DeferredMenu
      chunk={priorityMenu}
      mountWhen="used"
      props={{ priority, onChange }}
      trigger={{
        disabled,
        'aria-label': `${label}: ${title}. Change priority`,
        title: `${label} (1, 2, 3 to change)`,
        'data-priority': priority,
        className: `flex size-7 shrink-0 items-center justify-center rounded-md transition-colors hover:bg-subtle disabled:invisible data-[state=open]:bg-subtle data-[state=open]:opacity-100 max-sm:size-11 ${
          // Touch screens have no hover to reveal it: medium is simply not there (the edit panel changes it).
          priority === 'medium'
            ? 'focus-visible:opacity-100 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:hover)]:opacity-0 [@media(hover:none)]:hidden'
            : ''
        }`,
        children: <PriorityIcon priority={priority} />,
      }}
    />
  );
}
