import * as Menu from '@radix-ui/react-dropdown-menu';
import type { TaskPriority } from '@taskapp/shared';
import { Check } from 'lucide-react';
import { Kbd } from '../../../components/kbd';
import { MENU_ITEM } from '../../../components/menu-styles';
import { PRIORITY_KEYS } from '../keyboard/shortcuts';
import { PRIORITIES_HIGH_FIRST, PRIORITY_LABELS } from '../task-labels';
import { PriorityIcon } from './priority-icon';

function ShortcutHint({ priority }: { priority: TaskPriority }) {
  return (
    <span className="ml-auto text-muted">
      <Kbd>{PRIORITY_KEYS[priority]}</Kbd>
    </span>
  );
}

interface PriorityMenuItemsProps {
  /** One task's priority: the items become a radio group, each with its flag, the current one checked. */
  value?: TaskPriority;
  onSelect: (priority: TaskPriority) => void;
}

/** The priorities as dropdown menu items, highest first, each showing its shortcut key. */
export function PriorityMenuItems({ value, onSelect }: PriorityMenuItemsProps) {
  if (value === undefined) {
    return PRIORITIES_HIGH_FIRST.map((priority) => (
      <Menu.Item
        key={priority}
        className={MENU_ITEM}
        onSelect={() => onSelect(priority)}
        aria-keyshortcuts={PRIORITY_KEYS[priority]}
      >
        {PRIORITY_LABELS[priority]}
        <ShortcutHint priority={priority} />
      </Menu.Item>
    ));
  }
  return (
    <Menu.RadioGroup value={value} onValueChange={(next) => onSelect(next as TaskPriority)}>
      {PRIORITIES_HIGH_FIRST.map((priority) => (
        <Menu.RadioItem
          key={priority}
          value={priority}
          className={MENU_ITEM}
          aria-keyshortcuts={PRIORITY_KEYS[priority]}
        >
          <PriorityIcon priority={priority} />
          {PRIORITY_LABELS[priority]}
          <Menu.ItemIndicator>
            <Check aria-hidden="true" className="size-4 text-accent-text" />
          </Menu.ItemIndicator>
          <ShortcutHint priority={priority} />
        </Menu.RadioItem>
      ))}
    </Menu.RadioGroup>
  );
}
