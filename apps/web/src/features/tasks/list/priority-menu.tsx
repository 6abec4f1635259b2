import * as Menu from '@radix-ui/react-dropdown-menu';
import type { TaskPriority } from '@taskapp/shared';
import { MENU_CONTENT } from '../../../components/menu-styles';
import { PRIORITY_LABELS } from '../task-labels';
import { PriorityIcon } from './priority-icon';
import { PriorityMenuItems } from './priority-menu-items';

interface PriorityMenuProps {
  priority: TaskPriority;
  title: string;
  disabled?: boolean;
  onChange: (priority: TaskPriority) => void;
}

/**
 * The priority mark at the end of a row, which is also the menu to change it. Medium, the default, shows
 * nothing until the row is hovered or focused, so the list only marks what stands out.
 */
export function PriorityMenu({ priority, title, disabled, onChange }: PriorityMenuProps) {
  const label = `${PRIORITY_LABELS[priority]} priority`;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        disabled={disabled}
        aria-label={`${label}: ${title}. Change priority`}
        title={`${label} (1, 2, 3 to change)`}
        data-priority={priority}
        className={`flex size-7 shrink-0 items-center justify-center rounded-md transition-colors hover:bg-subtle disabled:invisible data-[state=open]:bg-subtle data-[state=open]:opacity-100 max-sm:size-11 ${
          // Touch screens have no hover to reveal it: medium is simply not there (the edit panel changes it).
          priority === 'medium'
            ? 'focus-visible:opacity-100 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:hover)]:opacity-0 [@media(hover:none)]:hidden'
            : ''
        }`}
      >
        <PriorityIcon priority={priority} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} collisionPadding={8} className={`${MENU_CONTENT} w-44`}>
          <PriorityMenuItems value={priority} onSelect={onChange} />
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
