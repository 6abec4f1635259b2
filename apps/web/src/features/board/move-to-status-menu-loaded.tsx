import * as Menu from '@radix-ui/react-dropdown-menu';
import type { TaskStatus } from '@taskapp/shared';
import { useRef } from 'react';
import type { LoadedMenuProps } from '../../components/deferred-menu';
import { LoadedDropdown } from '../../components/loaded-dropdown';
import { MENU_ITEM } from '../../components/menu-styles';
import type { Task } from '../../lib/api-types';
import { STATUS_LABELS } from '../tasks/task-labels';
import { BOARD_COLUMNS } from './board-columns';

export interface MoveToStatusProps {
  task: Task;
  onMove: (task: Task, status: TaskStatus) => void;
}

/** A card's "Move to…" menu itself, mounted once its trigger is used: see MoveToStatusMenu. */
export function LoadedMoveToStatusMenu({ task, onMove, ...menu }: LoadedMenuProps & MoveToStatusProps) {
  const moved = useRef(false);
  return (
    <LoadedDropdown
      {...menu}
      className="w-44"
      // After a move the trigger is gone (the card is in another column); the card takes focus there.
      onCloseAutoFocus={(event) => {
        if (moved.current) event.preventDefault();
        moved.current = false;
      }}
    >
      <Menu.Label className="px-2 py-1 text-muted text-xs">Move to</Menu.Label>
      {BOARD_COLUMNS.filter((status) => status !== task.status).map((status) => (
        <Menu.Item
          key={status}
          className={MENU_ITEM}
          onSelect={() => {
            moved.current = true;
            onMove(task, status);
          }}
        >
          {STATUS_LABELS[status]}
        </Menu.Item>
      ))}
    </LoadedDropdown>
  );
}
