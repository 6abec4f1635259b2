import { useLocation, useParams } from '@tanstack/react-router';
import { CalendarDays, CheckCircle2, Inbox, ListTodo, Star, Tag } from 'lucide-react';
import type { ReactNode } from 'react';
import { LazyProjectBoard } from '../features/board/lazy-project-board';
import { ProjectLayoutToggle } from '../features/board/project-layout-toggle';
import { useProjectLayout } from '../features/board/use-project-layout';
import { type Place, placeOfPath, SMART_PLACE_TITLES, type SmartPlace } from '../features/navigation/place';
import { ColorDot } from '../features/projects/color-dot';
import { useLabelsById } from '../features/projects/use-labels';
import { useProjectsById } from '../features/projects/use-projects';
import { TaskScreen } from '../features/tasks/task-screen';

const ICON = 'size-5 shrink-0 text-muted';
const SMART_ICONS: Record<SmartPlace, ReactNode> = {
  all: <ListTodo aria-hidden="true" className={ICON} />,
  inbox: <Inbox aria-hidden="true" className={ICON} />,
  today: <Star aria-hidden="true" className={ICON} />,
  upcoming: <CalendarDays aria-hidden="true" className={ICON} />,
  completed: <CheckCircle2 aria-hidden="true" className={ICON} />,
};

export function AllTasksPage() {
  return <TaskScreen place={{ kind: 'all' }} title={SMART_PLACE_TITLES.all} icon={SMART_ICONS.all} />;
}

/** Inbox, Today, Upcoming and Completed: the place is the path. */
export function SmartPlacePage() {
  const { pathname } = useLocation();
  const place = (placeOfPath(pathname) ?? { kind: 'all' }) as Extract<Place, { kind: SmartPlace }>;
  return (
    <TaskScreen
      key={place.kind}
      place={place}
      title={SMART_PLACE_TITLES[place.kind]}
      icon={SMART_ICONS[place.kind]}
    />
  );
}

export function ProjectPage() {
  const { projectId = '' } = useParams({ strict: false });
  const project = useProjectsById().get(projectId);
  const [layout, setLayout] = useProjectLayout(projectId);
  return (
    <TaskScreen
      key={projectId}
      place={{ kind: 'project', id: projectId }}
      title={project ? `${project.name}${project.archivedAt ? ' (archived)' : ''}` : 'Project'}
      icon={project ? <ColorDot color={project.color} className="size-3" /> : null}
      headerActions={<ProjectLayoutToggle layout={layout} onChange={setLayout} />}
      board={layout === 'board' ? <LazyProjectBoard projectId={projectId} /> : undefined}
    />
  );
}

export function LabelPage() {
  const { labelId = '' } = useParams({ strict: false });
  const label = useLabelsById().get(labelId);
  return (
    <TaskScreen
      key={labelId}
      place={{ kind: 'label', id: labelId }}
      title={label?.name ?? 'Label'}
      icon={<Tag aria-hidden="true" className={ICON} />}
    />
  );
}
