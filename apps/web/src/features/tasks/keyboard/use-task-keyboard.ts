import type { TaskPriority } from '@taskapp/shared';
import { useEffect, useRef } from 'react';
import { isTyping } from '../../../lib/use-shortcut';

export interface TaskKeyboardActions {
  focusQuickAdd: () => void;
  focusSearch: () => void;
  move: (step: 1 | -1) => void;
  select: (options: { range: boolean }) => void;
  selectAll: () => void;
  edit: () => void;
  complete: () => void;
  setPriority: (priority: TaskPriority) => void;
  remove: () => void;
  clearSelection: () => boolean;
  showHelp: () => void;
}

const PRIORITY_BY_KEY: Record<string, TaskPriority> = { '1': 'high', '2': 'medium', '3': 'low' };

function onTaskRow(target: HTMLElement): boolean {
  return target.matches('[data-testid="task-row"]');
}

/**
 * The task screen's keys (see shortcuts.ts). One listener decides them all, so the order of checks is
 * plain: never while typing, inside a menu or dialog; arrows, Enter and Backspace only on a focused row,
 * where they cannot mean anything else.
 */
export function useTaskKeyboard(actions: TaskKeyboardActions, enabled: boolean): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      if (event.defaultPrevented || event.altKey || isTyping(target)) return;
      if (target.closest('[role="dialog"], [role="menu"], [role="alertdialog"]')) return;
      const act = latest.current;
      const key = event.key;
      const row = onTaskRow(target);

      let handled = true;
      if (event.ctrlKey || event.metaKey) {
        if (key.toLowerCase() === 'a') act.selectAll();
        else handled = false;
      } else if (key === 'n' || key === 'N') act.focusQuickAdd();
      else if (key === '/') act.focusSearch();
      else if (key === '?') act.showHelp();
      else if (key === 'j' || (row && key === 'ArrowDown')) act.move(1);
      else if (key === 'k' || (row && key === 'ArrowUp')) act.move(-1);
      else if (key === 'x' || key === 'X') act.select({ range: event.shiftKey });
      else if (key === 'e' || (row && key === 'Enter')) act.edit();
      else if (key === 'c') act.complete();
      else if (PRIORITY_BY_KEY[key]) act.setPriority(PRIORITY_BY_KEY[key]);
      else if (key === 'Delete' || (row && key === 'Backspace')) act.remove();
      else if (key === 'Escape') handled = act.clearSelection();
      else handled = false;

      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
