import { TASK_STATUSES, type TaskStatus } from '@taskapp/shared';
import { type KeyboardEvent, useRef } from 'react';
import type { TaskStats } from '../../../lib/api-types';
import { useTaskStats } from '../data/use-task-queries';
import { STATUS_LABELS } from '../task-labels';

export type StatusTab = 'all' | TaskStatus;

const TABS: Array<{ value: StatusTab; label: string }> = [
  { value: 'all', label: 'All' },
  ...TASK_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
];

export const TASK_PANEL_ID = 'task-panel';

export function tabId(tab: StatusTab): string {
  return `task-tab-${tab}`;
}

function countOf(stats: TaskStats | undefined, tab: StatusTab): number | undefined {
  if (!stats) return undefined;
  const { pending, in_progress, completed } = stats.byStatus;
  return tab === 'all' ? pending + in_progress + completed : stats.byStatus[tab];
}

interface StatusTabsProps {
  value: StatusTab;
  stats: TaskStats | undefined;
  onChange: (tab: StatusTab) => void;
}

/** Tabs in the WAI-ARIA pattern: one tab stop, arrow keys move between them. */
export function StatusTabs({ value, stats, onChange }: StatusTabsProps) {
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((tab) => tab.value === value);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : step ? index + step : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const tab = TABS[(next + TABS.length) % TABS.length];
    if (!tab) return;
    onChange(tab.value);
    list.current?.querySelector<HTMLElement>(`#${tabId(tab.value)}`)?.focus();
  };

  return (
    <div
      ref={list}
      role="tablist"
      aria-label="Show tasks by status"
      onKeyDown={onKeyDown}
      className="-mx-1 flex gap-0.5 overflow-x-auto border-line border-b px-1 sm:gap-1"
    >
      {TABS.map((tab) => {
        const selected = tab.value === value;
        const count = countOf(stats, tab.value);
        return (
          <button
            key={tab.value}
            id={tabId(tab.value)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={TASK_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.value)}
            className={`-mb-px flex shrink-0 items-center gap-1 whitespace-nowrap border-b-2 px-1 py-2 sm:gap-1.5 sm:px-2 font-medium text-sm outline-offset-[-2px] transition-colors ${
              selected ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg'
            }`}
          >
            {tab.label}
            <span
              data-testid={`count-${tab.value}`}
              className={`min-w-4 rounded-sm px-1 text-center text-xs tabular-nums ${
                selected ? 'bg-accent-soft text-accent-text' : 'bg-subtle text-muted'
              }`}
            >
              {count ?? '–'}
            </span>
          </button>
        );
      })}
    </div>
  );
}

/** All tasks' tabs with their live counts (the only place that asks for them). */
export function AllTasksTabs({ value, onChange }: Omit<StatusTabsProps, 'stats'>) {
  const stats = useTaskStats();
  return <StatusTabs value={value} stats={stats.data} onChange={onChange} />;
}
