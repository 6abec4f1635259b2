interface KeyboardTargets {
  /** The rows' ids in list order. */
  rows: string[];
  /** The sidebar places' droppable ids, top to bottom; measured only when asked. */
  places: () => string[];
  /** The row being moved: Right from the sidebar comes back to it. */
  lifted: string;
}

const step = (list: string[], from: string | null, by: number) => {
  const at = from === null ? -1 : list.indexOf(from);
  return list[Math.min(Math.max(at + by, 0), list.length - 1)] ?? null;
};

/**
 * Where a keyboard drag goes on an arrow key: Up and Down step through the rows, or through the sidebar's
 * places once Left has moved there; Right returns to the lifted row. Null when the key moves nothing.
 */
export function nextKeyboardTarget(
  code: string,
  over: string | null,
  targets: KeyboardTargets,
): string | null {
  const places = over?.startsWith('place:') ? targets.places() : null;
  switch (code) {
    case 'ArrowDown':
    case 'ArrowUp': {
      const by = code === 'ArrowDown' ? 1 : -1;
      return places ? step(places, over, by) : step(targets.rows, over, by);
    }
    case 'ArrowLeft':
      return places ? null : (targets.places()[0] ?? null);
    case 'ArrowRight':
      return places ? targets.lifted : null;
    default:
      return null;
  }
}
