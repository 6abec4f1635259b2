/**
 * Where moved tasks land in a manual order, as the `afterId` task.move takes. Pure list logic, shared by
 * drags, Alt+arrow keys and tests. `ordered` is the list as shown; `moving` the tasks that move together
 * (a selection keeps its list order), which land one after another.
 */

/** The tasks a drag or key moves: the whole selection when it includes the task, else the task alone. */
export function movingIds(
  ordered: readonly string[],
  selected: ReadonlySet<string>,
  taskId: string,
): string[] {
  if (!selected.has(taskId)) return [taskId];
  return ordered.filter((id) => selected.has(id));
}

/** The order once `moving` is taken out and put back right after `afterId` (first when null). */
export function reorderedIds(
  ordered: readonly string[],
  moving: readonly string[],
  afterId: string | null,
): string[] {
  const movingSet = new Set(moving);
  const rest = ordered.filter((id) => !movingSet.has(id));
  const at = afterId === null ? 0 : rest.indexOf(afterId) + 1;
  return [...rest.slice(0, at), ...moving, ...rest.slice(at)];
}

const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * The afterId for dropping `moving` just before or after the row `overId`; undefined when the drop
 * changes nothing (a row dropped on itself or where it already is).
 */
export function afterIdForDrop(
  ordered: readonly string[],
  moving: readonly string[],
  overId: string,
  side: 'before' | 'after',
): string | null | undefined {
  const movingSet = new Set(moving);
  const overAt = ordered.indexOf(overId);
  if (overAt === -1 || moving.length === 0) return undefined;
  // The nearest row that stays, at or before the drop point, is the one the tasks follow.
  let anchorAt = side === 'after' ? overAt : overAt - 1;
  while (anchorAt >= 0 && movingSet.has(ordered[anchorAt] as string)) anchorAt -= 1;
  const afterId = anchorAt >= 0 ? (ordered[anchorAt] as string) : null;
  return sameOrder(reorderedIds(ordered, moving, afterId), ordered) ? undefined : afterId;
}

/**
 * A sortable drop: the dragged task (one of `moving`) was over the row `overId`. Moving down lands after
 * it, moving up before it, as the rows shift while dragging.
 */
export function afterIdForSortableDrop(
  ordered: readonly string[],
  moving: readonly string[],
  activeId: string,
  overId: string,
): string | null | undefined {
  const from = ordered.indexOf(activeId);
  const to = ordered.indexOf(overId);
  if (from === -1 || to === -1 || from === to) return undefined;
  return afterIdForDrop(ordered, moving, overId, to > from ? 'after' : 'before');
}

/** One step up (-1) or down (1) past the next row that stays; undefined at the edge. */
export function afterIdForStep(
  ordered: readonly string[],
  moving: readonly string[],
  step: 1 | -1,
): string | null | undefined {
  const movingSet = new Set(moving);
  const indexes = moving.map((id) => ordered.indexOf(id)).filter((at) => at !== -1);
  if (indexes.length === 0) return undefined;
  if (step === -1) {
    let at = Math.min(...indexes) - 1;
    while (at >= 0 && movingSet.has(ordered[at] as string)) at -= 1;
    return at < 0 ? undefined : afterIdForDrop(ordered, moving, ordered[at] as string, 'before');
  }
  let at = Math.max(...indexes) + 1;
  while (at < ordered.length && movingSet.has(ordered[at] as string)) at += 1;
  return at >= ordered.length ? undefined : afterIdForDrop(ordered, moving, ordered[at] as string, 'after');
}
