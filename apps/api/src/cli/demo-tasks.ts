import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@taskapp/shared';

/** Titles people really write, grouped so a seeded list reads like someone's week. */
const TITLES = [
  'Pay rent',
  'Renew car insurance',
  'Book dentist appointment',
  'Call mum about the weekend',
  'Send invoice to Acme Corp',
  'Review Q3 budget draft',
  'Prepare slides for Monday stand-up',
  'Reply to Jonas about the contract',
  'Fix flaky login test',
  'Update README with deploy steps',
  'Order birthday present for Sam',
  'Buy groceries: eggs, spinach, oat milk',
  'Pick up dry cleaning',
  'Schedule 1:1 with new hire',
  'Write blog post on keyset pagination',
  'Cancel unused streaming subscription',
  'File expense report for Berlin trip',
  'Water the plants',
  'Back up photo library',
  'Plan team offsite agenda',
  'Read "Designing Data-Intensive Applications" ch. 5',
  'Clean out the garage',
  'Migrate CI to the new runners',
  'Draft job description for designer role',
  'Check tyre pressure',
  'Return library books',
  'Prepare tax documents',
  'Review pull request #482',
  'Refill prescription',
  'Book flights to Lisbon',
  'Sketch onboarding flow ✏️',
  'Ship dark mode 🌙',
  'Respond to customer feedback survey',
  'Archive old Slack channels',
  'Set up password manager for the family',
  'Research standing desks',
  'Write thank-you note to Priya',
  'Rotate API keys',
  'Practice Spanish for 20 minutes',
  'Go for a run',
] as const;

const DESCRIPTIONS = [
  null,
  null,
  'Check last month’s notes first.',
  'Needs a decision before Friday.',
  'Ask in #ops if anyone has done this before.\nLink the doc when done.',
  'Low effort, high impact — do it first thing.',
  'Blocked until the vendor replies.',
] as const;

export interface DemoTask {
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: Date | null;
  completedAt: Date | null;
  createdAt: Date;
}

/** A small deterministic generator, so every seed gives the same list. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

const DAY = 86_400_000;

export function demoTasks(count: number, now = new Date()): DemoTask[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return Array.from({ length: count }, (_, index) => {
    const title = TITLES[index % TITLES.length] ?? 'Task';
    const round = Math.floor(index / TITLES.length);
    const status = pick(['pending', 'pending', 'in_progress', 'completed'] as const satisfies TaskStatus[]);
    const createdAt = new Date(now.getTime() - Math.floor(next() * 90 * DAY));
    // About a third have no due date; the rest spread from two weeks ago to six weeks ahead.
    const dueDate = next() < 0.33 ? null : new Date(now.getTime() + Math.floor((next() * 56 - 14) * DAY));
    return {
      title: round === 0 ? title : `${title} (${round + 1})`,
      description: pick(DESCRIPTIONS),
      status: TASK_STATUSES.includes(status) ? status : 'pending',
      priority: pick(TASK_PRIORITIES),
      dueDate,
      completedAt:
        status === 'completed' ? new Date(createdAt.getTime() + Math.floor(next() * 5 * DAY)) : null,
      createdAt,
    };
  });
}
