import { CalendarDays, CheckCircle2, Inbox, ListTodo, Star } from 'lucide-react';
import { LabelsSection } from '../projects/labels-section';
import { ProjectsSection } from '../projects/projects-section';
import { rememberPlace } from './last-place';
import { SidebarLink } from './sidebar-link';

const ICON = 'size-4 shrink-0';

/** Views, then projects, then labels. `onNavigate` closes the phone drawer after a choice. */
export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="Places" className="flex flex-col gap-5 p-3 text-sm">
      <ul className="flex flex-col gap-0.5">
        <li className="flex">
          <SidebarLink
            to="/inbox"
            icon={<Inbox aria-hidden="true" className={ICON} />}
            label="Inbox"
            shortcut="I"
            onNavigate={onNavigate}
          />
        </li>
        <li className="flex">
          <SidebarLink
            to="/today"
            icon={<Star aria-hidden="true" className={ICON} />}
            label="Today"
            shortcut="T"
            onNavigate={onNavigate}
          />
        </li>
        <li className="flex">
          <SidebarLink
            to="/upcoming"
            icon={<CalendarDays aria-hidden="true" className={ICON} />}
            label="Upcoming"
            shortcut="U"
            onNavigate={onNavigate}
          />
        </li>
        <li className="flex">
          <SidebarLink
            to="/completed"
            icon={<CheckCircle2 aria-hidden="true" className={ICON} />}
            label="Completed"
            shortcut="C"
            onNavigate={onNavigate}
          />
        </li>
        <li className="flex">
          <SidebarLink
            to="/"
            icon={<ListTodo aria-hidden="true" className={ICON} />}
            label="All tasks"
            shortcut="A"
            onNavigate={() => {
              // `/` opens the last place; choosing All tasks makes it that place.
              rememberPlace({ kind: 'all' });
              onNavigate?.();
            }}
          />
        </li>
      </ul>
      <ProjectsSection onNavigate={onNavigate} />
      <LabelsSection onNavigate={onNavigate} />
    </nav>
  );
}
