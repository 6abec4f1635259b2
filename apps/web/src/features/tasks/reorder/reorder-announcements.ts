import type { Active, Announcements, Over, ScreenReaderInstructions } from '@dnd-kit/core';
import type { Task } from '../../../lib/api-types';
import type { PlaceTargetData } from './place-drop-targets';

export const reorderInstructions: ScreenReaderInstructions = {
  draggable:
    'To move this task, press Space, then the Up or Down arrow key, then Space again to drop it. The Left ' +
    'arrow key moves it over the Inbox and projects in the sidebar instead, Right back to the list. Escape ' +
    'cancels. Alt and an arrow key moves it one place at once; a selected task moves with the whole selection.',
};

interface ReorderState {
  /** The list as shown. */
  tasks: Task[];
  /** The tasks being moved (the dragged one and the rest of its selection). */
  moving: Task[];
  placeName: string;
}

const quoted = (title: string) => `“${title}”`;

function what(state: ReorderState, active: Active): string {
  const task = state.tasks.find((candidate) => candidate.id === active.id);
  const title = quoted(task?.title ?? 'Task');
  const others = state.moving.length - 1;
  return others > 0 ? `${title} and ${others} more selected task${others === 1 ? '' : 's'}` : title;
}

function placeOf(over: Over | null): PlaceTargetData | null {
  const data = over?.data.current as PlaceTargetData | undefined;
  return data?.kind === 'place' ? data : null;
}

/** Where the drop would put the tasks, in words: "before X", "after X", or a place in the sidebar. */
function whereTo(state: ReorderState, active: Active, over: Over | null): string | null {
  if (!over) return null;
  const place = placeOf(over);
  if (place) return `to ${place.name}`;
  const ids = state.tasks.map((task) => task.id);
  const from = ids.indexOf(String(active.id));
  const to = ids.indexOf(String(over.id));
  if (from === -1 || to === -1 || from === to) return null;
  const title = quoted(state.tasks[to]?.title ?? 'Task');
  return `${to > from ? 'after' : 'before'} ${title}, position ${to + 1} of ${ids.length} in ${state.placeName}`;
}

/** Screen-reader announcements naming the task and its new place; `state` is read when each is said. */
export function reorderAnnouncements(state: () => ReorderState): Announcements {
  // The first "over" is the lifted row itself; saying so would cut off "Picked up…".
  let movedYet = false;
  return {
    onDragStart({ active }) {
      movedYet = false;
      const now = state();
      const at = now.tasks.findIndex((task) => task.id === active.id);
      return `Picked up ${what(now, active)}, position ${at + 1} of ${now.tasks.length} in ${now.placeName}.`;
    },
    onDragOver({ active, over }) {
      const now = state();
      const where = whereTo(now, active, over);
      if (!movedYet && over?.id === active.id) return undefined;
      movedYet = true;
      return where
        ? `${what(now, active)} would move ${where}.`
        : `${what(now, active)} would stay where it is.`;
    },
    onDragEnd({ active, over }) {
      const now = state();
      const where = whereTo(now, active, over);
      return where ? `${what(now, active)} moved ${where}.` : `${what(now, active)} stays where it was.`;
    },
    onDragCancel({ active }) {
      return `Moving ${what(state(), active)} was cancelled. It stays where it was.`;
    },
  };
}
