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
