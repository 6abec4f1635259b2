/**
 * Selecting from `anchor` to `target` in list order, as shift-click does in a file manager: every task
 * between them (both included) joins the selection. Without a usable anchor only the target is added.
 */
export function selectRange(
  ordered: readonly string[],
  selected: ReadonlySet<string>,
  anchor: string | null,
  target: string,
): Set<string> {
  const next = new Set(selected);
  const from = anchor === null ? -1 : ordered.indexOf(anchor);
  const to = ordered.indexOf(target);
  if (from === -1 || to === -1) {
    next.add(target);
    return next;
  }
  for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) {
    const id = ordered[index];
    if (id !== undefined) next.add(id);
  }
  return next;
}

export function toggleOne(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** The selection and where the next shift-click's range starts (the last task clicked). */
export interface SelectionState {
  chosen: ReadonlySet<string>;
  anchor: string | null;
}

/**
 * A click on a task's checkbox (`range` with shift). The anchor lives in the same state as the selection,
 * so clicks that React applies together still see each other's anchor.
 */
export function clickTask(
  ordered: readonly string[],
  { chosen, anchor }: SelectionState,
  id: string,
  range: boolean,
): SelectionState {
  return { chosen: range ? selectRange(ordered, chosen, anchor, id) : toggleOne(chosen, id), anchor: id };
}
