import * as Menu from '@radix-ui/react-dropdown-menu';
import type { LoadedMenuProps } from '../../../components/deferred-menu';
import { LoadedDropdown } from '../../../components/loaded-dropdown';
import { MENU_ITEM, MENU_SEPARATOR } from '../../../components/menu-styles';
import type { Task } from '../../../lib/api-types';
import { useRowData } from '../list/row-data';
import { scheduleChoices } from './schedule-days';

/** A swiped row's Schedule menu, mounted once its code has loaded: see SwipeRow. */
export function LoadedScheduleMenu({
  task,
  actions,
  onDone,
  ...menu
}: LoadedMenuProps & {
  task: Task;
  /** The swipe row's own (a type of its own here: swipe-row.tsx loads this file). */
  actions: {
    onSchedule: (task: Task, day: Date, label: string) => void;
    onEdit: (task: Task) => void;
  };
  onDone: () => void;
}) {
  const { timeZone } = useRowData();
  return (
    <LoadedDropdown {...menu} className="w-48">
      {scheduleChoices(new Date(), timeZone).map((choice) => (
        <Menu.Item
          key={choice.label}
          className={`${MENU_ITEM} h-11`}
          onSelect={() => {
            onDone();
            actions.onSchedule(task, choice.day, choice.label);
          }}
        >
          {choice.label}
        </Menu.Item>
      ))}
      <Menu.Separator className={MENU_SEPARATOR} />
      <Menu.Item
        className={`${MENU_ITEM} h-11`}
        onSelect={() => {
          onDone();
          actions.onEdit(task);
        }}
      >
        Pick a date…
      </Menu.Item>
    </LoadedDropdown>
  );
}
