import { Link } from '@tanstack/react-router';
import { CalendarCheck, CheckCircle2, Inbox, ListTodo, type LucideIcon, SearchX } from 'lucide-react';
import { buttonClasses } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import type { Place } from '../../navigation/place';

const EMPTY: Record<
  Exclude<Place['kind'], 'all' | 'upcoming'>,
  { Icon: LucideIcon; title: string; text: string }
> = {
  inbox: {
    Icon: Inbox,
    title: 'Your Inbox is empty',
    text: 'Tasks without a project land here. Add one above, or sort them into projects later.',
  },
  today: {
    Icon: CalendarCheck,
    title: 'Nothing due today',
    text: 'Tasks due today, and any overdue ones, show up here.',
  },
  completed: {
    Icon: CheckCircle2,
    title: 'Nothing completed yet',
    text: 'Check off a task and it lands here, most recent first.',
  },
  project: {
    Icon: ListTodo,
    title: 'No open tasks in this project',
    text: 'Add a task above and it goes into this project.',
  },
  label: {
    Icon: ListTodo,
    title: 'No open tasks with this label',
    text: 'Type @ and the label’s name in quick add to label a task.',
  },
};

/** Why a place is empty and what fills it (All tasks keeps its own empty states). */
export function PlaceEmpty({ place }: { place: Place }) {
  if (place.kind === 'all' || place.kind === 'upcoming') return null;
  const { Icon, title, text } = EMPTY[place.kind];
  return (
    <EmptyState icon={<Icon aria-hidden="true" className="size-5" />} title={title}>
      <p>{text}</p>
    </EmptyState>
  );
}

/** A project or label that is not there (deleted, or a link from someone else's account). */
export function PlaceMissing({ place }: { place: Place }) {
  const what = place.kind === 'label' ? 'label' : 'project';
  return (
    <EmptyState
      icon={<SearchX aria-hidden="true" className="size-5" />}
      title={`This ${what} doesn’t exist`}
      actions={
        <Link to="/inbox" className={buttonClasses('secondary')}>
          Go to the Inbox
        </Link>
      }
    >
      <p>It may have been deleted. Its tasks, if it had any, are in the Inbox.</p>
    </EmptyState>
  );
}
