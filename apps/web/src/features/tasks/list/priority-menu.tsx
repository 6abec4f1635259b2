import * as Menu from '@radix-ui/react-dropdown-menu';
import type { TaskPriority } from '@taskapp/shared';
import { Flag } from 'lucide-react';
import { MENU_CONTENT } from '../../../components/menu-styles';
import { PRIORITY_LABELS } from '../task-labels';
import { FLAG_TONES, PriorityMenuItems } from './priority-menu-items';

interface PriorityMenuProps {
  priority: TaskPriority;
  title: string;
  disabled?: boolean;
  onChange: (priority: TaskPriority) => void;
}

/**
 * The flag at the end of a row, which is also the menu to change it. Medium, the default, shows no flag
 * until the row is hovered or focused, so the list only flags what stands out.
 */
export function PriorityMenu({ priority, title, disabled, onChange }: PriorityMenuProps) {
  const label = `${PRIORITY_LABELS[priority]} priority`;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        disabled={disabled}
        aria-label={`${label}: ${title}. Change priority`}
        title={`${label} (1, 2, 3 to change)`}
        className={`flex size-7 shrink-0 items-center justify-center rounded-md transition-colors hover:bg-subtle disabled:invisible data-[state=open]:bg-subtle data-[state=open]:opacity-100 ${FLAG_TONES[priority]} ${
          priority === 'medium'
            ? 'focus-visible:opacity-100 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:hover)]:opacity-0'
            : ''
        }`}
      >
        <Flag aria-hidden="true" className="size-3.5" fill={priority === 'high' ? 'currentColor' : 'none'} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} collisionPadding={8} className={`${MENU_CONTENT} w-44`}>
          <PriorityMenuItems value={priority} onSelect={onChange} />
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
