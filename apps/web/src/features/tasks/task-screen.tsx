import { useRef, useState } from 'react';
import { useShortcut } from '../../lib/use-shortcut';
import { QuickAdd } from './quick-add';
import { type StatusTab, StatusTabs, TASK_PANEL_ID, tabId } from './status-tabs';
import { TaskList } from './task-list';
import { useTaskStats } from './use-task-queries';

/** The home screen: quick add, status tabs with live counts, and the list. */
export function TaskScreen() {
  const [tab, setTab] = useState<StatusTab>('all');
  const stats = useTaskStats();
  const quickAdd = useRef<HTMLInputElement>(null);
  useShortcut('n', () => quickAdd.current?.focus());

  return (
    <>
      <QuickAdd inputRef={quickAdd} />
      <StatusTabs value={tab} stats={stats.data} onChange={setTab} />
      <div id={TASK_PANEL_ID} role="tabpanel" aria-labelledby={tabId(tab)} className="pt-3">
        <TaskList key={tab} tab={tab} />
      </div>
    </>
  );
}
