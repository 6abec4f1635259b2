import { lazy, Suspense } from 'react';
import { optionalChunk } from '../../lib/optional-chunk';

function BoardUnavailable(_props: { projectId: string }) {
  return (
    <p role="status" className="p-4 text-muted text-sm">
      The board could not load (are you offline?). The list shows the same tasks; reload to try again.
    </p>
  );
}

// dnd-kit and the board load only when a board is shown, never with the first page.
const ProjectBoard = lazy(optionalChunk(() => import('./project-board'), BoardUnavailable));

/** The board of a project, loaded on first use. */
export function LazyProjectBoard({ projectId }: { projectId: string }) {
  return (
    <Suspense fallback={<p className="p-4 text-muted text-sm">Loading the board…</p>}>
      <ProjectBoard projectId={projectId} />
    </Suspense>
  );
}
