import * as Menu from '@radix-ui/react-dropdown-menu';
import { Archive, ArchiveRestore, MoreHorizontal } from 'lucide-react';
import { toast } from 'sonner';
import { MENU_CONTENT, MENU_ITEM } from '../../components/menu-styles';
import { type Project, useProjectMutations } from './use-projects';

/** A project's actions in the sidebar: archive (with Undo) or bring back. */
export function ProjectMenu({ project }: { project: Project }) {
  const { update } = useProjectMutations();
  const archived = project.archivedAt !== null;
  const setArchived = (value: boolean) =>
    update.mutate(
      { id: project.id, archived: value },
      {
        onSuccess: () => {
          if (value)
            toast(`“${project.name}” archived`, {
              action: { label: 'Undo', onClick: () => update.mutate({ id: project.id, archived: false }) },
            });
        },
      },
    );
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={`Project actions: ${project.name}`}
        className="flex size-11 shrink-0 items-center justify-center rounded-md text-faint hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle md:size-8"
      >
        <MoreHorizontal aria-hidden="true" className="size-4" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} collisionPadding={8} className={`${MENU_CONTENT} w-44`}>
          <Menu.Item className={MENU_ITEM} onSelect={() => setArchived(!archived)}>
            {archived ? (
              <ArchiveRestore aria-hidden="true" className="size-4" />
            ) : (
              <Archive aria-hidden="true" className="size-4" />
            )}
            {archived ? 'Unarchive' : 'Archive'}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
