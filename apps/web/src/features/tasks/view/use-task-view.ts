import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { parseTaskView, type TaskView } from './task-view';

/**
 * The view in the URL of whichever place is shown, and a way to change part of it; `replace` for
 * changes not worth a Back step.
 */
export function useTaskView() {
  // Every place route validates its search with parseTaskView, so this is a TaskView wherever it is used.
  const view = useSearch({ strict: false }) as TaskView;
  const navigate = useNavigate();
  const changeView = useCallback(
    (patch: Partial<TaskView>, { replace = false } = {}) =>
      void navigate({
        to: '.',
        search: (previous: unknown) => parseTaskView({ ...(previous as TaskView), ...patch }),
        replace,
      }),
    [navigate],
  );
  return [view, changeView] as const;
}
