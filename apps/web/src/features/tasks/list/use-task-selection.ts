import { useCallback, useMemo, useRef, useState } from 'react';
import { selectRange, toggleOne } from './selection';

/** Which tasks are selected for a bulk action; tasks that leave the list leave the selection too. */
export function useTaskSelection(orderedIds: readonly string[]) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(null);

  const selected = useMemo(() => {
    const present = new Set(orderedIds);
    return new Set([...chosen].filter((id) => present.has(id)));
  }, [chosen, orderedIds]);

  const toggle = useCallback(
    (id: string, { range = false } = {}) => {
      setChosen((current) =>
        range ? selectRange(orderedIds, current, anchor.current, id) : toggleOne(current, id),
      );
      anchor.current = id;
    },
    [orderedIds],
  );
  const selectAll = useCallback(() => setChosen(new Set(orderedIds)), [orderedIds]);
  const clear = useCallback(() => {
    setChosen(new Set());
    anchor.current = null;
  }, []);

  return { selected, toggle, selectAll, clear };
}

export type TaskSelection = ReturnType<typeof useTaskSelection>;
