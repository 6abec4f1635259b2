import { apiAt } from './api.js';

export interface SeededAccount {
  email: string;
  password: string;
  /** The project whose board is measured. */
  boardProjectId: string;
}

const PROJECTS = [
  { name: 'Work', color: 'blue' },
  { name: 'Home Renovation', color: 'orange' },
  { name: 'Garden', color: 'green' },
  { name: 'Side project', color: 'purple' },
] as const;
const LABELS = [
  { name: 'errands', color: 'teal' },
  { name: 'calls', color: 'red' },
  { name: 'waiting', color: 'yellow' },
  { name: 'reading', color: 'pink' },
  { name: 'quick', color: 'grey' },
] as const;
const VERBS = ['Call', 'Email', 'Buy', 'Review', 'Book', 'Fix', 'Plan', 'Write', 'Pay', 'Sort out'];
const THINGS = [
  'the dentist about next week',
  'Lena about the quarterly report',
  'new bike lights',
  'the insurance renewal',
  'train tickets to Hamburg',
  'the leaking kitchen tap',
  'the team offsite agenda',
  'a thank-you note to Sam',
  'the electricity bill',
  'the photos from the summer',
];
const PRIORITIES = ['low', 'medium', 'medium', 'high'] as const;
const STATUSES = ['pending', 'pending', 'in_progress', 'completed'] as const;

const INBOX_TASKS = 200;
const TASKS_PER_PROJECT = 30;
const DAY_MS = 86_400_000;

async function inBatches<T>(count: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += width) {
    const batch = Array.from({ length: Math.min(width, count - start) }, (_, j) => work(start + j));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

const titleOf = (i: number) => `${VERBS[i % VERBS.length]} ${THINGS[(i * 7) % THINGS.length]} (${i + 1})`;

/** Every third task is due: some overdue, some today (Today's list), the rest over the next weeks. */
function dueOf(i: number, today: Date): { dueDate: Date; allDay: boolean } | Record<string, never> {
  if (i % 3 !== 0) return {};
  const offsetDays = (i % 21) - 3;
  return { dueDate: new Date(today.getTime() + offsetDays * DAY_MS), allDay: true };
}

/**
 * One person signed up through the API with projects, labels and an Inbox of 200 tasks (a third due,
 * a few of them today or overdue, about half labelled), plus 30 tasks in each project across the board's
 * three columns.
 */
export async function seedAccount(baseUrl: string): Promise<SeededAccount> {
  const email = `bench-web-${Date.now()}@example.com`;
  const password = 'bench-web-calm-otter-lamp-42';
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { accessToken } = await apiAt(baseUrl).mutate<{ accessToken: string }>('auth.register', {
    email,
    name: 'Robin Example',
    password,
    timeZone,
  });
  const api = apiAt(baseUrl, accessToken);
  const projects: { id: string }[] = [];
  for (const project of PROJECTS) projects.push(await api.mutate('project.create', { ...project }));
  const labels: { id: string }[] = [];
  for (const label of LABELS) labels.push(await api.mutate('label.create', { ...label }));
  const now = new Date();
  const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  const labelIdsOf = (i: number) =>
    i % 2 === 0
      ? [labels[i % labels.length]?.id, ...(i % 6 === 0 ? [labels[(i + 1) % labels.length]?.id] : [])]
      : [];
  await inBatches(INBOX_TASKS, 10, (i) =>
    api.mutate('task.create', {
      title: titleOf(i),
      priority: PRIORITIES[i % PRIORITIES.length],
      labelIds: labelIdsOf(i),
      ...(i % 5 === 0 ? { description: 'Notes: check the details before starting.' } : {}),
      ...dueOf(i, today),
    }),
  );
  for (const project of projects) {
    await inBatches(TASKS_PER_PROJECT, 10, (i) =>
      api.mutate('task.create', {
        title: titleOf(i + 300),
        projectId: project.id,
        status: STATUSES[i % STATUSES.length],
        priority: PRIORITIES[i % PRIORITIES.length],
        labelIds: labelIdsOf(i),
        ...dueOf(i, today),
      }),
    );
  }
  const board = projects[0];
  if (!board) throw new Error('no project was created');
  return { email, password, boardProjectId: board.id };
}
