import { keyAfter, type TaskDto } from '@taskapp/db/queries';
import {
  DEFAULT_TASK_PRIORITY,
  DEFAULT_TASK_STATUS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskStatus,
} from '@taskapp/shared';
import {
  type DemoLabelName,
  type DemoProjectName,
  SHOWCASE_PLACES,
  SHOWCASE_SUBTASKS,
} from './demo-organisation.js';
import { demoTitles } from './demo-titles.js';

const DESCRIPTIONS = [
  null,
  null,
  'Check last month’s notes first.',
  'Needs a decision before Friday.',
  'Ask in #ops if anyone has done this before.\nLink the doc when done.',
  'Low effort, high impact — do it first thing.',
  'Blocked until the vendor replies.',
] as const;

/**
 * A task as the API returns it, before it has an id: its project, labels and parent by name (the seed
 * makes them rows); updatedAt follows from completedAt or createdAt.
 */
export type DemoTask = Omit<
  TaskDto,
  'id' | 'updatedAt' | 'projectId' | 'labelIds' | 'parentId' | 'subtaskCount' | 'recurrence' | 'reminders'
> & {
  /** null = the Inbox. */
  project: DemoProjectName | null;
  labels: DemoLabelName[];
  /** The parent's title; null at the top level. */
  parent: string | null;
};

/** A small deterministic generator, so every seed gives the same list. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

const DAY = 86_400_000;

/** Local time (the seeding machine's zone) `days` from today at `hour`:`minute`. */
function dayAt(now: Date, days: number, hour: number, minute = 0): Date {
  const date = new Date(now);
  date.setDate(date.getDate() + days);
  date.setHours(hour, minute, 0, 0);
  return date;
}

/** An all-day due date `days` from today's local date: 00:00Z of that calendar day, and allDay. */
function onDay(now: Date, days: number): Pick<DemoTask, 'dueDate' | 'allDay'> {
  const dueDate = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days));
  return { dueDate, allDay: true };
}

/**
 * The newest tasks, at the top of the default list: one of each thing the list can show (overdue,
 * due today with a time, tomorrow, this week, in progress, completed, high and low priority, a long
 * description, no due date), so the first screen of the demo account shows every feature.
 */
function showcase(now: Date): DemoTask[] {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const task = (
    minutes: number,
    title: string,
    fields: Partial<Omit<DemoTask, 'title' | 'createdAt'>> = {},
  ): DemoTask => ({
    title,
    description: null,
    status: DEFAULT_TASK_STATUS,
    priority: DEFAULT_TASK_PRIORITY,
    dueDate: null,
    allDay: false,
    completedAt: null,
    createdAt: minutesAgo(minutes),
    position: '',
    project: null,
    labels: [],
    parent: null,
    ...SHOWCASE_PLACES[title],
    ...fields,
  });
  const tasks = [
    task(1, 'Pay rent', { priority: 'high', dueDate: dayAt(now, 0, 18) }),
    task(2, 'Send invoice to Acme Corp', { priority: 'high', ...onDay(now, -2), status: 'in_progress' }),
    task(3, 'Prepare slides for Monday stand-up', {
      status: 'in_progress',
      dueDate: dayAt(now, 1, 9, 30),
      description: 'Three slides: what shipped, what is next, what is blocked.\nKeep it under five minutes.',
    }),
    task(4, 'Book flights to Lisbon', { ...onDay(now, 3), priority: 'low' }),
    task(5, 'Ship dark mode 🌙', { status: 'completed', completedAt: minutesAgo(2), priority: 'high' }),
    task(6, 'Call mum about the weekend', onDay(now, 0)),
    task(7, 'Read "Designing Data-Intensive Applications" ch. 5', { priority: 'low' }),
    task(8, 'Renew car insurance', { dueDate: dayAt(now, -1, 12), priority: 'high' }),
    task(9, 'Water the plants', {
      status: 'completed',
      completedAt: minutesAgo(30),
      dueDate: dayAt(now, 0, 8),
    }),
    task(10, 'Plan team offsite agenda', {
      ...onDay(now, 12),
      description: 'Venue shortlist in the shared doc.',
    }),
  ];
  for (const [index, subtask] of SHOWCASE_SUBTASKS.entries()) {
    const parent = tasks.find((candidate) => candidate.title === subtask.parent);
    if (!parent) throw new Error(`the demo subtask "${subtask.title}" has no parent "${subtask.parent}"`);
    const createdAt = new Date(parent.createdAt.getTime() + (index + 1) * 1000);
    tasks.push({
      ...task(0, subtask.title, {
        project: parent.project,
        parent: parent.title,
        labels: subtask.labels ?? [],
      }),
      createdAt,
      ...(subtask.completed ? { status: 'completed', completedAt: createdAt } : {}),
    });
  }
  return tasks;
}

export function demoTasks(count: number, now = new Date()): DemoTask[] {
  const featured = showcase(now);
  const taken = featured.map((task) => task.title);
  return inManualOrder([...featured, ...generatedTasks(count - featured.length, now, taken)]);
}

/** Manual order as the app gives new tasks: newest first within each place (project or Inbox, parent). */
function inManualOrder(tasks: DemoTask[]): DemoTask[] {
  const newestFirst = [...tasks].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const lastKeyAt = new Map<string, string>();
  for (const task of newestFirst) {
    const place = `${task.project}/${task.parent}`;
    task.position = keyAfter(lastKeyAt.get(place) ?? null);
    lastKeyAt.set(place, task.position);
  }
  return tasks;
}

/** The rest: older tasks in realistic proportions, enough to scroll through and search. */
function generatedTasks(count: number, now: Date, taken: readonly string[]): DemoTask[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return demoTitles(count, next, taken).map((title) => {
    const status = pick(['pending', 'pending', 'in_progress', 'completed'] as const satisfies TaskStatus[]);
    // Older than the showcase, which stays on top of the newest-first list.
    const createdAt = new Date(now.getTime() - DAY - Math.floor(next() * 90 * DAY));
    // About a third have no due date; the rest spread from two weeks ago to six weeks ahead, some with
    // a time of day (on the hour), most as a day (all-day).
    const days = Math.floor(next() * 56 - 14);
    const due =
      next() < 0.33
        ? { dueDate: null, allDay: false }
        : next() < 0.3
          ? { dueDate: dayAt(now, days, 8 + Math.floor(next() * 10)), allDay: false }
          : onDay(now, days);
    return {
      title,
      description: pick(DESCRIPTIONS),
      status: TASK_STATUSES.includes(status) ? status : 'pending',
      priority: pick(TASK_PRIORITIES),
      ...due,
      completedAt:
        status === 'completed' ? new Date(createdAt.getTime() + Math.floor(next() * 5 * DAY)) : null,
      createdAt,
      position: '',
      project: pick([null, null, null, 'Home', 'Work'] as const),
      labels: next() < 0.15 ? [pick(['errands', 'calls', 'waiting'] as const)] : [],
      parent: null,
    };
  });
}
