import type { TaskPriority, TaskSort } from '@taskapp/shared';
import { ArrowDownUp, CalendarDays, ChevronDown, Flag } from 'lucide-react';
import type { ReactNode } from 'react';
import { DeferredMenu, type MenuTriggerLook, menuChunk } from '../../../components/deferred-menu';
import { PRIORITY_LABELS } from '../task-labels';
import { DEFAULT_ORDER, type DueFilter, type TaskView } from './task-view';
import { DUE_LABELS, SORT_LABELS } from './view-labels';

// The menus themselves (Radix) load after the first screen, or when a trigger is first used: on a phone
// they are folded away behind the filters button, and the first list does not wait for their code.
const loaded = () => import('./view-menus-loaded');
const priorityFilterMenu = menuChunk(() => loaded().then((module) => module.LoadedPriorityFilterMenu));
const dueFilterMenu = menuChunk(() => loaded().then((module) => module.LoadedDueFilterMenu));
const sortMenu = menuChunk(() => loaded().then((module) => module.LoadedSortMenu));

type ChangeView = (patch: Partial<TaskView>) => void;

/** A view menu's trigger: what it is about ("Priority") is said before the current choice. */
function triggerLook({
  icon,
  name,
  label,
  active,
}: {
  icon: ReactNode;
  name: string;
  label: string;
  active: boolean;
}): MenuTriggerLook {
  return {
    'aria-label': label.startsWith(name) ? label : `${name}: ${label}`,
    className: `inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md border px-2.5 text-sm transition-colors data-[state=open]:bg-subtle ${
      active
        ? 'border-accent/50 bg-accent-soft text-accent-text'
        : 'border-line-strong bg-surface text-muted hover:bg-subtle hover:text-fg'
    }`,
    children: (
      <>
        {icon}
        <span className="max-w-36 truncate">{label}</span>
        <ChevronDown aria-hidden="true" className="size-3.5 shrink-0" />
      </>
    ),
  };
}

export function PriorityFilterMenu({
  value,
  onChange,
}: {
  value: TaskPriority[] | undefined;
  onChange: ChangeView;
}) {
  const chosen = value ?? [];
  const label = chosen.length ? chosen.map((priority) => PRIORITY_LABELS[priority]).join(', ') : 'Priority';
  return (
    <DeferredMenu
      chunk={priorityFilterMenu}
      props={{ value, onChange }}
      trigger={triggerLook({
        icon: <Flag aria-hidden="true" className="size-3.5" />,
        name: 'Priority',
        label,
        active: chosen.length > 0,
      })}
    />
  );
}

export function DueFilterMenu({ value, onChange }: { value: DueFilter | undefined; onChange: ChangeView }) {
  return (
    <DeferredMenu
      chunk={dueFilterMenu}
      props={{ value, onChange }}
      trigger={triggerLook({
        icon: <CalendarDays aria-hidden="true" className="size-3.5" />,
        name: 'Due',
        label: value ? DUE_LABELS[value] : 'Due',
        active: value !== undefined,
      })}
    />
  );
}

interface SortMenuProps {
  view: TaskView;
  /** The place's own order, left out of the URL. */
  defaultSort: TaskSort;
  /** Whether the place has a manual order (Inbox, projects). */
  manual: boolean;
  onChange: ChangeView;
}

export function SortMenu({ view, defaultSort, manual, onChange }: SortMenuProps) {
  const sort = view.sort ?? defaultSort;
  const order = view.order ?? DEFAULT_ORDER[sort];
  return (
    <DeferredMenu
      chunk={sortMenu}
      props={{ sort, order, defaultSort, manual, onChange }}
      trigger={triggerLook({
        icon: <ArrowDownUp aria-hidden="true" className="size-3.5" />,
        name: 'Sort',
        label: `Sort: ${SORT_LABELS[sort]}`,
        active: false,
      })}
    />
  );
}
