import type { RefObject } from 'react';
import { SearchBox } from './search-box';
import type { TaskView } from './task-view';
import { DueFilterMenu, PriorityFilterMenu, SortMenu } from './view-menus';

interface TaskToolbarProps {
  view: TaskView;
  onChange: (patch: Partial<TaskView>, options?: { replace?: boolean }) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** Search, filters and sort: everything here is written to the URL. */
export function TaskToolbar({ view, onChange, searchRef }: TaskToolbarProps) {
  return (
    <search className="flex min-h-10 flex-wrap items-center gap-1.5">
      <SearchBox
        value={view.q ?? ''}
        inputRef={searchRef}
        // Typing is not worth a Back step per word.
        onSearch={(q) => onChange({ q }, { replace: true })}
      />
      <div className="flex flex-wrap items-center gap-1.5">
        <PriorityFilterMenu value={view.priority} onChange={onChange} />
        <DueFilterMenu value={view.due} onChange={onChange} />
        <SortMenu view={view} onChange={onChange} />
      </div>
    </search>
  );
}
