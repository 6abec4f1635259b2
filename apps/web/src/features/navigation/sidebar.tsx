import { CalendarDays, CheckCircle2, Inbox, ListTodo, Star } from 'lucide-react';
import { LabelsSection } from '../projects/labels-section';
import { ProjectsSection } from '../projects/projects-section';
import { LiveStatus } from '../sync/live-status';
import { rememberPlace } from './last-place';
import { SidebarLink } from './sidebar-link';

const VIEWS = [
  { to: '/inbox', Icon: Inbox, label: 'Inbox', shortcut: 'I' },
  { to: '/today', Icon: Star, label: 'Today', shortcut: 'T' },
  { to: '/upcoming', Icon: CalendarDays, label: 'Upcoming', shortcut: 'U' },
  { to: '/completed', Icon: CheckCircle2, label: 'Completed', shortcut: 'C' },
  { to: '/', Icon: ListTodo, label: 'All tasks', shortcut: 'A' },
] as const;

/** Views, then projects, then labels. `onNavigate` closes the phone drawer after a choice. */
export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  const chooseAllTasks = () => {
    // `/` opens the last place; choosing All tasks makes it that place.
    rememberPlace({ kind: 'all' });
    onNavigate?.();
  };
  return (
    <nav aria-label="Places" className="flex flex-col gap-5 p-3 text-sm">
      <ul className="flex flex-col gap-0.5">
        {VIEWS.map(({ to, Icon, label, shortcut }) => (
          <li key={to} className="flex">
            <SidebarLink
              to={to}
              icon={<Icon aria-hidden="true" className="size-4 shrink-0" />}
              label={label}
              shortcut={shortcut}
              onNavigate={to === '/' ? chooseAllTasks : onNavigate}
            />
          </li>
        ))}
      </ul>
      <ProjectsSection onNavigate={onNavigate} />
      <LabelsSection onNavigate={onNavigate} />
      <LiveStatus />
    </nav>
  );
}
