import type { RefObject } from 'react';
import type { Place } from '../../navigation/place';
import { canFilterDue, canSort, defaultSortOf } from './place-input';
import { SearchBox } from './search-box';
import type { TaskView } from './task-view';
import { DueFilterMenu, PriorityFilterMenu, SortMenu } from './view-menus';

interface TaskToolbarProps {
  place: Place;
  view: TaskView;
  onChange: (patch: Partial<TaskView>, options?: { replace?: boolean }) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** Search, filters and sort: everything here is written to the URL. */
export function TaskToolbar({ place, view, onChange, searchRef }: TaskToolbarProps) {
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
        {canFilterDue(place) ? <DueFilterMenu value={view.due} onChange={onChange} /> : null}
        {canSort(place) ? (
          <SortMenu
            view={view}
            defaultSort={defaultSortOf(place)}
            manual={place.kind === 'inbox' || place.kind === 'project'}
            onChange={onChange}
          />
        ) : null}
      </div>
    </search>
  );
}
