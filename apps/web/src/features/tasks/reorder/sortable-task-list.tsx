import { useEffect, useState } from 'react';
import { TaskList, type TaskListProps } from '../list/task-list';
import type { ManualPlace } from './reorder-cache';
import SortableRows from './sortable-rows';

export interface SortableTaskListProps extends TaskListProps {
  place: ManualPlace;
  /** Said in announcements: "position 2 of 5 in Inbox". */
  placeName: string;
}

/** The task screen's (virtual) list with rows that drag: see SortableRows. Loaded lazily. */
export default function SortableTaskList({ place, placeName, ...listProps }: SortableTaskListProps) {
  const [focusRequest, setFocusRequest] = useState(listProps.focusRequest);
  useEffect(() => setFocusRequest(listProps.focusRequest), [listProps.focusRequest]);
  return (
    <SortableRows
      tasks={listProps.tasks}
      selected={listProps.selected}
      place={place}
      placeName={placeName}
      onKeyboardDrop={(id) => setFocusRequest({ id, seq: Date.now() })}
    >
      {(wrapper) => <TaskList {...listProps} focusRequest={focusRequest} RowWrapper={wrapper} />}
    </SortableRows>
  );
}
