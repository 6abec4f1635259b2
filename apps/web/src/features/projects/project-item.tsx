import { useState } from 'react';
import { toast } from 'sonner';
import { SidebarLink } from '../navigation/sidebar-link';
import { ColorDot } from './color-dot';
import { ConfirmDelete } from './confirm-delete';
import { ItemMenu } from './item-menu';
import { NameForm } from './name-form';
import { useLeaveDeletedPlace } from './use-leave-deleted-place';
import { type Project, useProjectMutations } from './use-projects';

/** A project in the sidebar: its link with the open count, and its … menu (renamed in place). */
export function ProjectItem({ project, onNavigate }: { project: Project; onNavigate?: () => void }) {
  const { update, remove } = useProjectMutations();
  const leave = useLeaveDeletedPlace();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const setArchived = (archived: boolean) =>
    update.mutate(
      { id: project.id, archived },
      {
        onSuccess: () => {
          if (archived)
            toast(`“${project.name}” archived`, {
              action: { label: 'Undo', onClick: () => update.mutate({ id: project.id, archived: false }) },
            });
        },
      },
    );
  return (
    <li className="flex items-center">
      {renaming ? (
        <NameForm
          label={`Rename ${project.name}`}
          initial={project.name}
          placeholder="Project name"
          onSubmit={(name) =>
            update.mutate({ id: project.id, name }, { onSettled: () => setRenaming(false) })
          }
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <SidebarLink
          to="/projects/$projectId"
          params={{ projectId: project.id }}
          icon={<ColorDot color={project.color} />}
          label={project.name}
          count={project.openTaskCount}
          onNavigate={onNavigate}
        />
      )}
      <ItemMenu
        label={`Project actions: ${project.name}`}
        color={project.color}
        onRename={() => setRenaming(true)}
        onColor={(color) => update.mutate({ id: project.id, color })}
        archive={{ archived: project.archivedAt !== null, onChange: setArchived }}
        onDelete={() => setConfirming(true)}
      />
      <ConfirmDelete
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete “${project.name}”?`}
        consequence="Its tasks move to the Inbox; nothing else is lost."
        onConfirm={() =>
          remove.mutate(project.id, { onSuccess: () => leave({ kind: 'project', id: project.id }) })
        }
      />
    </li>
  );
}
