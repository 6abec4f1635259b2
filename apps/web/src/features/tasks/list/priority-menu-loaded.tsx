import type { TaskPriority } from '@taskapp/shared';
import type { LoadedMenuProps } from '../../../components/deferred-menu';
import { LoadedDropdown } from '../../../components/loaded-dropdown';
import { PriorityMenuItems } from './priority-menu-items';

/**
 * The priority menu itself, mounted once its trigger is used: a row's (see PriorityMenu), with its current
 * priority checked, or the bulk bar's, with none.
 */
export function LoadedPriorityMenu({
  priority,
  onChange,
  ...menu
}: LoadedMenuProps & { priority?: TaskPriority; onChange: (priority: TaskPriority) => void }) {
  return (
    <LoadedDropdown {...menu} className="w-44">
      <PriorityMenuItems value={priority} onSelect={onChange} />
    </LoadedDropdown>
  );
}
