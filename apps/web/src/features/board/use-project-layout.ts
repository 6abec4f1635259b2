import { useState } from 'react';

export type ProjectLayout = 'list' | 'board';

const keyOf = (projectId: string) => `taskapp:project-layout:${projectId}`;

function readLayout(projectId: string): ProjectLayout {
  try {
    return localStorage.getItem(keyOf(projectId)) === 'board' ? 'board' : 'list';
  } catch {
    return 'list';
  }
}

/** List or board, remembered per project in this browser, so a project opens the way it was left. */
export function useProjectLayout(projectId: string): [ProjectLayout, (layout: ProjectLayout) => void] {
  const [state, setState] = useState(() => ({ projectId, layout: readLayout(projectId) }));
  // Another project: read its own choice.
  const current = state.projectId === projectId ? state.layout : readLayout(projectId);
  if (state.projectId !== projectId) setState({ projectId, layout: current });
  const change = (layout: ProjectLayout) => {
    setState({ projectId, layout });
    try {
      localStorage.setItem(keyOf(projectId), layout);
    } catch {
      // Storage full or disabled: the choice lasts while the page is open.
    }
  };
  return [current, change];
}
