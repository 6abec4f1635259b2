import { lazy, Suspense } from 'react';

// dnd-kit and the board load only when a board is shown, never with the first page.
const ProjectBoard = lazy(() => import('./project-board'));

/** The board of a project, loaded on first use. */
export function LazyProjectBoard({ projectId }: { projectId: string }) {
  return (
    <Suspense fallback={<p className="p-4 text-muted text-sm">Loading the board…</p>}>
      <ProjectBoard projectId={projectId} />
    </Suspense>
  );
}
