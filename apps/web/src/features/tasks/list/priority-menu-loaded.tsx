import * as Menu from '@radix-ui/react-dropdown-menu';
import type { TaskPriority } from '@taskapp/shared';
import type { LoadedMenuProps } from '../../../components/deferred-menu';
import { MENU_CONTENT } from '../../../components/menu-styles';
import { PriorityMenuItems } from './priority-menu-items';

/** A row's priority menu itself, mounted once its trigger is used: see PriorityMenu. */
export function LoadedPriorityMenu({
  priority,
  onChange,
  trigger,
  triggerRef,
  defaultOpen,
}: LoadedMenuProps & { priority: TaskPriority; onChange: (priority: TaskPriority) => void }) {
  return (
    <Menu.Root modal={false} defaultOpen={defaultOpen}>
      <Menu.Trigger ref={triggerRef} {...trigger} />
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} collisionPadding={8} className={`${MENU_CONTENT} w-44`}>
          <PriorityMenuItems value={priority} onSelect={onChange} />
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
