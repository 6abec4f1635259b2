import { BOARDS_COOKIE } from '@taskapp/shared/constants';
import { useState } from 'react';
import { onServer, serverRender, tellServer } from '../../lib/server-render';

export type ProjectLayout = 'list' | 'board';

const PREFIX = 'taskapp:project-layout:';
const keyOf = (projectId: string) => `${PREFIX}${projectId}`;

function readLayout(projectId: string): ProjectLayout {
  if (onServer) return serverRender.boardProjects.includes(projectId) ? 'board' : 'list';
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
    writeBoardsCookie();
  };
  return [current, change];
}

/** Tells the server which projects open as a board here, so its first screen of one is the board. */
function writeBoardsCookie(): void {
  try {
    const boards = Object.keys(localStorage)
      .filter((key) => key.startsWith(PREFIX) && localStorage.getItem(key) === 'board')
      .map((key) => key.slice(PREFIX.length));
    tellServer(BOARDS_COOKIE, boards.join('.'));
  } catch {
    // Storage disabled: nothing remembered to tell.
  }
}

// Choices made before the server drew first screens have no cookie yet.
if (!onServer) writeBoardsCookie();
