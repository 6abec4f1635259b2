import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AddProjectForm } from './add-project-form';
import { LazySortableProjects } from './lazy-sortable-projects';
import { ProjectItem } from './project-item';
import { SectionAddButton } from './section-add-button';
import { SectionHeading } from './section-heading';
import { useMoveProject } from './use-move-project';
import { useProjects } from './use-projects';

/** The projects in sidebar order with their open counts; archived ones folded away below. */
export function ProjectsSection({ onNavigate }: { onNavigate?: () => void }) {
  const { data: projects = [], isPending } = useProjects();
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const move = useMoveProject();
  const active = projects.filter((project) => project.archivedAt === null);
  const archived = projects.filter((project) => project.archivedAt !== null);
  return (
    <section aria-labelledby="sidebar-projects" className="flex flex-col gap-0.5">
      <SectionHeading
        id="sidebar-projects"
        title="Projects"
        actions={<SectionAddButton label="Add project" onClick={() => setAdding(true)} />}
      />
      {active.length > 0 ? (
        <ul className="flex flex-col gap-0.5">
          <LazySortableProjects
            projects={active}
            onMove={(project, afterId, order) => move.mutate({ project, afterId, order })}
          >
            {(project, sortable) => (
              <ProjectItem key={project.id} project={project} onNavigate={onNavigate} sortable={sortable} />
            )}
          </LazySortableProjects>
        </ul>
      ) : !isPending && !adding ? (
        <p className="px-2.5 text-faint text-xs">Group tasks by project: add one with +.</p>
      ) : null}
      {adding ? (
        <AddProjectForm
          onDone={(createdId) => {
            setAdding(false);
            if (createdId) {
              void navigate({ to: '/projects/$projectId', params: { projectId: createdId } });
              onNavigate?.();
            }
          }}
        />
      ) : null}
      {archived.length > 0 ? (
        <details className="mt-1">
          <summary className="flex h-11 cursor-pointer items-center rounded-md px-2.5 text-faint text-xs hover:bg-subtle md:h-7">
            Archived ({archived.length})
          </summary>
          <ul className="flex flex-col gap-0.5">
            {archived.map((project) => (
              <ProjectItem key={project.id} project={project} onNavigate={onNavigate} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
