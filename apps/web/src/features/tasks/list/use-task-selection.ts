import { useCallback, useMemo, useState } from 'react';
import { clickTask, type SelectionState } from './selection';

const NOTHING: SelectionState = { chosen: new Set(), anchor: null };

/** Which tasks are selected for a bulk action; tasks that leave the list leave the selection too. */
export function useTaskSelection(orderedIds: readonly string[]) {
  const [state, setState] = useState<SelectionState>(NOTHING);

  const selected = useMemo(() => {
    const present = new Set(orderedIds);
    return new Set([...state.chosen].filter((id) => present.has(id)));
  }, [state.chosen, orderedIds]);

  const toggle = useCallback(
    (id: string, { range = false } = {}) => setState((current) => clickTask(orderedIds, current, id, range)),
    [orderedIds],
  );
  const selectAll = useCallback(
    () => setState(({ anchor }) => ({ chosen: new Set(orderedIds), anchor })),
    [orderedIds],
  );
  const clear = useCallback(() => setState(NOTHING), []);

  return { selected, toggle, selectAll, clear };
}

export type TaskSelection = ReturnType<typeof useTaskSelection>;
