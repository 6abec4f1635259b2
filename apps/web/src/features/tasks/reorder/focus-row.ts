/** Focuses a task's row once it has been drawn again (after a move re-orders the list). */
export function focusRowSoon(taskId: string): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`[data-testid="task-row"][data-task-id="${taskId}"]`)?.focus(),
  );
}
