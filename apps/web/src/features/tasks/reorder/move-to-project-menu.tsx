import * as Menu from '@radix-ui/react-dropdown-menu';
import { FolderInput, Inbox } from 'lucide-react';
import { MENU_CONTENT, MENU_ITEM } from '../../../components/menu-styles';
import type { Task } from '../../../lib/api-types';
import { ColorDot } from '../../projects/color-dot';
import { useProjects } from '../../projects/use-projects';

interface MoveToProjectMenuProps {
  task: Task;
  disabled?: boolean;
  onMove: (task: Task, projectId: string | null, name: string) => void;
}

/** "Move to project…" on a row: the same move as dragging it onto the sidebar, from a list. */
export function MoveToProjectMenu({ task, disabled, onMove }: MoveToProjectMenuProps) {
  const { data: projects = [] } = useProjects();
  const others = projects.filter((project) => project.archivedAt === null && project.id !== task.projectId);
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        disabled={disabled}
        aria-label={`Move “${task.title}” to project…`}
        title="Move to project…"
        className="flex size-7 shrink-0 items-center justify-center rounded-md text-faint transition-colors hover:bg-subtle hover:text-fg focus-visible:opacity-100 group-focus-within:opacity-100 group-hover:opacity-100 disabled:invisible data-[state=open]:bg-subtle data-[state=open]:opacity-100 max-sm:hidden [@media(hover:hover)]:opacity-0"
      >
        <FolderInput aria-hidden="true" className="size-4" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          className={`${MENU_CONTENT} max-h-80 w-56 overflow-y-auto`}
        >
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
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
