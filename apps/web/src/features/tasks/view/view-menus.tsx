import * as Menu from '@radix-ui/react-dropdown-menu';
import { TASK_PRIORITIES, type TaskPriority, type TaskSort } from '@taskapp/shared';
import { ArrowDownUp, CalendarDays, Check, ChevronDown, Flag } from 'lucide-react';
import type { ReactNode } from 'react';
import { MENU_CONTENT, MENU_ITEM, MENU_SEPARATOR } from '../../../components/menu-styles';
import { PRIORITIES_HIGH_FIRST, PRIORITY_LABELS } from '../task-labels';
import { DEFAULT_ORDER, type DueFilter, type SortOrder, type TaskView } from './task-view';

const DUE_LABELS: Record<DueFilter, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  week: 'Due this week',
  none: 'No due date',
};

const SORT_LABELS: Record<TaskSort, string> = {
  createdAt: 'Date created',
  updatedAt: 'Last changed',
  dueDate: 'Due date',
  priority: 'Priority',
  title: 'Title',
  manual: 'My order',
};

// Each direction said the way a person thinks of that sort.
const ORDER_LABELS: Record<TaskSort, Record<SortOrder, string>> = {
  createdAt: { desc: 'Newest first', asc: 'Oldest first' },
  updatedAt: { desc: 'Most recent first', asc: 'Least recent first' },
  dueDate: { asc: 'Soonest first', desc: 'Latest first' },
  priority: { desc: 'Highest first', asc: 'Lowest first' },
  title: { asc: 'A to Z', desc: 'Z to A' },
  manual: { asc: 'As arranged', desc: 'Reversed' },
};

interface TriggerProps {
  icon: ReactNode;
  /** What the menu is about ("Priority"), said before the current choice for assistive technology. */
  name: string;
  label: string;
  active: boolean;
}

function Trigger({ icon, name, label, active }: TriggerProps) {
  return (
    <Menu.Trigger
      aria-label={label.startsWith(name) ? label : `${name}: ${label}`}
      className={`inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md border px-2.5 text-sm transition-colors data-[state=open]:bg-subtle ${
        active
          ? 'border-accent/50 bg-accent-soft text-accent-text'
          : 'border-line-strong bg-surface text-muted hover:bg-subtle hover:text-fg'
      }`}
    >
      {icon}
      <span className="max-w-36 truncate">{label}</span>
      <ChevronDown aria-hidden="true" className="size-3.5 shrink-0" />
    </Menu.Trigger>
  );
}

function Indicator() {
  return (
    <Menu.ItemIndicator className="ml-auto">
      <Check aria-hidden="true" className="size-4 text-accent-text" />
    </Menu.ItemIndicator>
  );
}

function MenuPanel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Menu.Portal>
      <Menu.Content align="start" sideOffset={6} collisionPadding={8} className={`${MENU_CONTENT} w-52`}>
        <Menu.Label className="px-2 py-1 text-muted text-xs">{label}</Menu.Label>
        {children}
      </Menu.Content>
    </Menu.Portal>
  );
}

type ChangeView = (patch: Partial<TaskView>) => void;

export function PriorityFilterMenu({
  value,
  onChange,
}: {
  value: TaskPriority[] | undefined;
  onChange: ChangeView;
}) {
  const chosen = value ?? [];
  const label = chosen.length ? chosen.map((priority) => PRIORITY_LABELS[priority]).join(', ') : 'Priority';
  const toggle = (priority: TaskPriority, checked: boolean) => {
    const next = TASK_PRIORITIES.filter((p) => (p === priority ? checked : chosen.includes(p)));
    onChange({ priority: next.length && next.length < TASK_PRIORITIES.length ? next : undefined });
  };
  return (
    <Menu.Root modal={false}>
      <Trigger
        icon={<Flag aria-hidden="true" className="size-3.5" />}
        name="Priority"
        label={label}
        active={chosen.length > 0}
      />
      <MenuPanel label="Show priority">
        {PRIORITIES_HIGH_FIRST.map((priority) => (
          <Menu.CheckboxItem
            key={priority}
            className={MENU_ITEM}
            checked={chosen.includes(priority)}
            onCheckedChange={(checked) => toggle(priority, checked === true)}
            onSelect={(event) => event.preventDefault()}
          >
            {PRIORITY_LABELS[priority]}
            <Indicator />
          </Menu.CheckboxItem>
        ))}
        {chosen.length ? (
          <>
            <Menu.Separator className={MENU_SEPARATOR} />
            <Menu.Item className={MENU_ITEM} onSelect={() => onChange({ priority: undefined })}>
              Any priority
            </Menu.Item>
          </>
        ) : null}
      </MenuPanel>
    </Menu.Root>
  );
}

export function DueFilterMenu({ value, onChange }: { value: DueFilter | undefined; onChange: ChangeView }) {
  return (
    <Menu.Root modal={false}>
      <Trigger
        icon={<CalendarDays aria-hidden="true" className="size-3.5" />}
        name="Due"
        label={value ? DUE_LABELS[value] : 'Due'}
        active={value !== undefined}
      />
      <MenuPanel label="Show due">
        <Menu.RadioGroup
          value={value ?? 'any'}
          onValueChange={(next) => onChange({ due: next === 'any' ? undefined : (next as DueFilter) })}
        >
          <Menu.RadioItem value="any" className={MENU_ITEM}>
            Any time
            <Indicator />
          </Menu.RadioItem>
          {(Object.keys(DUE_LABELS) as DueFilter[]).map((due) => (
            <Menu.RadioItem key={due} value={due} className={MENU_ITEM}>
              {DUE_LABELS[due]}
              <Indicator />
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
      </MenuPanel>
    </Menu.Root>
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
  const sorts = (Object.keys(SORT_LABELS) as TaskSort[]).filter((option) => manual || option !== 'manual');
  return (
    <Menu.Root modal={false}>
      <Trigger
        icon={<ArrowDownUp aria-hidden="true" className="size-3.5" />}
        name="Sort"
        label={`Sort: ${SORT_LABELS[sort]}`}
        active={false}
      />
      <MenuPanel label="Sort by">
        <Menu.RadioGroup
          value={sort}
          onValueChange={(next) => {
            const nextSort = next as TaskSort;
            onChange({ sort: nextSort === defaultSort ? undefined : nextSort, order: undefined });
          }}
        >
          {sorts.map((option) => (
            <Menu.RadioItem key={option} value={option} className={MENU_ITEM}>
              {SORT_LABELS[option]}
              <Indicator />
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
        <Menu.Separator className={MENU_SEPARATOR} />
        <Menu.RadioGroup
          value={order}
          onValueChange={(next) =>
            // The URL keeps an order only beside its sort.
            onChange({ sort, order: next === DEFAULT_ORDER[sort] ? undefined : (next as SortOrder) })
          }
        >
          {(['asc', 'desc'] as const)
            .toSorted((a, b) => Number(b === DEFAULT_ORDER[sort]) - Number(a === DEFAULT_ORDER[sort]))
            .map((option) => (
              <Menu.RadioItem key={option} value={option} className={MENU_ITEM}>
                {ORDER_LABELS[sort][option]}
                <Indicator />
              </Menu.RadioItem>
            ))}
        </Menu.RadioGroup>
      </MenuPanel>
    </Menu.Root>
  );
}
