import * as Menu from '@radix-ui/react-dropdown-menu';
import { Inbox } from 'lucide-react';
import type { LoadedMenuProps } from '../../../components/deferred-menu';
import { LoadedDropdown } from '../../../components/loaded-dropdown';
import { MENU_ITEM } from '../../../components/menu-styles';
import type { Task } from '../../../lib/api-types';
import { ColorDot } from '../../projects/color-dot';
import { useProjects } from '../../projects/use-projects';

export interface MoveToProjectProps {
  task: Task;
  onMove: (task: Task, projectId: string | null, name: string) => void;
}

/** A row's "Move to project…" menu itself, mounted once its trigger is used: see MoveToProjectMenu. */
export function LoadedMoveToProjectMenu({ task, onMove, ...menu }: LoadedMenuProps & MoveToProjectProps) {
  const { data: projects = [] } = useProjects();
  const others = projects.filter((project) => project.archivedAt === null && project.id !== task.projectId);
  return (
    <LoadedDropdown {...menu} className="max-h-80 w-56 overflow-y-auto">
      <Menu.Label className="px-2 py-1 text-muted text-xs">Move to</Menu.Label>
      {task.projectId !== null || task.parentId !== null ? (
        <Menu.Item className={MENU_ITEM} onSelect={() => onMove(task, null, 'Inbox')}>
          <Inbox aria-hidden="true" className="size-4 text-muted" />
          Inbox
        </Menu.Item>
      ) : null}
      {others.map((project) => (
        <Menu.Item
          key={project.id}
          className={MENU_ITEM}
          onSelect={() => onMove(task, project.id, project.name)}
        >
          <ColorDot color={project.color} />
          <span className="min-w-0 flex-1 truncate">{project.name}</span>
        </Menu.Item>
      ))}
    </LoadedDropdown>
  );
}
