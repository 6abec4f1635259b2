import type { Color } from '@taskapp/shared';

// The demo account's projects, labels and subtasks: enough to show every part of the sidebar, the chips
// on rows and a few levels of subtasks on the first screen.

export const DEMO_PROJECTS = [
  { name: 'Home', color: 'green' },
  { name: 'Work', color: 'blue' },
  { name: 'Trip to Lisbon', color: 'orange' },
] as const satisfies readonly { name: string; color: Color }[];

export const DEMO_LABELS = [
  { name: 'errands', color: 'yellow' },
  { name: 'calls', color: 'purple' },
  { name: 'waiting', color: 'grey' },
] as const satisfies readonly { name: string; color: Color }[];

export type DemoProjectName = (typeof DEMO_PROJECTS)[number]['name'];
export type DemoLabelName = (typeof DEMO_LABELS)[number]['name'];

/** Where the showcase tasks live, by title; the others stay in the Inbox without labels. */
export const SHOWCASE_PLACES: Readonly<
  Record<string, { project?: DemoProjectName; labels?: DemoLabelName[] }>
> = {
  'Pay rent': { project: 'Home', labels: ['errands'] },
  'Send invoice to Acme Corp': { project: 'Work' },
  'Prepare slides for Monday stand-up': { project: 'Work' },
  'Book flights to Lisbon': { project: 'Trip to Lisbon' },
  'Call mum about the weekend': { labels: ['calls'] },
  'Renew car insurance': { project: 'Home', labels: ['errands', 'calls'] },
  'Water the plants': { project: 'Home' },
  'Plan team offsite agenda': { project: 'Work', labels: ['waiting'] },
};

/** Subtasks of showcase tasks (a parent is listed before its own subtasks). */
export const SHOWCASE_SUBTASKS: readonly {
  parent: string;
  title: string;
  completed?: boolean;
  labels?: DemoLabelName[];
}[] = [
  { parent: 'Prepare slides for Monday stand-up', title: 'Collect last week’s numbers', completed: true },
  { parent: 'Prepare slides for Monday stand-up', title: 'Draft the three slides' },
  { parent: 'Plan team offsite agenda', title: 'Shortlist three venues' },
  { parent: 'Shortlist three venues', title: 'Ask each venue for a quote', labels: ['waiting'] },
  { parent: 'Book flights to Lisbon', title: 'Check the passport expiry date' },
];
