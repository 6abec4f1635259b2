import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { parseTaskView, type TaskView } from './task-view';

/** The view in the URL and a way to change part of it; `replace` for changes not worth a Back step. */
export function useTaskView() {
  const view = useSearch({ from: '/' });
  const navigate = useNavigate({ from: '/' });
  const changeView = useCallback(
    (patch: Partial<TaskView>, { replace = false } = {}) =>
      void navigate({ search: (previous: TaskView) => parseTaskView({ ...previous, ...patch }), replace }),
    [navigate],
  );
  return [view, changeView] as const;
}
