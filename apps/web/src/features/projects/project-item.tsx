import { useState } from 'react';
import { toast } from '../../lib/toast';
import { SidebarLink } from '../navigation/sidebar-link';
import { ColorDot } from './color-dot';
import { ConfirmDelete } from './confirm-delete';
import { ItemMenu } from './item-menu';
import { NameForm } from './name-form';
import type { SortableItem } from './sortable-projects';
import { useLeaveDeletedPlace } from './use-leave-deleted-place';
import { type Project, useProjectMutations } from './use-projects';

interface ProjectItemProps {
  project: Project;
  onNavigate?: () => void;
  /** How an active project drags to a new place (see sortable-projects.tsx). */
  sortable?: SortableItem;
}

/** A project in the sidebar: its link with the open count, and its … menu (renamed in place). */
export function ProjectItem({ project, onNavigate, sortable }: ProjectItemProps) {
  const { update, remove } = useProjectMutations();
  const leave = useLeaveDeletedPlace();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Shown at once, like the change itself (the item moves to Archived, so no callback of its own would run).
  const setArchived = (archived: boolean) => {
    update.mutate({ id: project.id, archived });
    if (archived)
      toast(`“${project.name}” archived`, {
        action: { label: 'Undo', onClick: () => update.mutate({ id: project.id, archived: false }) },
      });
  };
  return (
    <li
      ref={sortable?.ref}
      style={sortable?.style}
      {...sortable?.listeners}
      // Marks the item once the drag code is there (until then it does not move).
      data-sortable={sortable?.listeners ? '' : undefined}
      className={`flex items-center ${sortable?.dragging ? 'relative z-10 rounded-md bg-surface shadow-overlay' : ''}`}
    >
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
        // Gone from the sidebar at once: its page is left at once too (a refusal brings it back).
        onConfirm={() => {
          remove.mutate(project.id);
          leave({ kind: 'project', id: project.id });
        }}
      />
    </li>
  );
}
