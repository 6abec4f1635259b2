import { useEffect, useMemo } from 'react';
import type { Task } from '../../../lib/api-types';
import { type ListRowsProps, ListTaskRow, tabStopOf } from '../list/list-task-row';
import { SubtaskList } from '../list/subtask-list';
import type { FocusRequest } from '../list/task-list';
import { DayAdd } from './day-add';
import { groupByDay } from './upcoming-days';

interface UpcomingListProps extends ListRowsProps {
  tasks: Task[];
  timeZone: string;
  activeId: string | null;
  focusRequest: FocusRequest | null;
}

/** The next seven days, each with its tasks (or a line saying it is free) and its own "Add task". */
export function UpcomingList({ tasks, timeZone, activeId, focusRequest, ...props }: UpcomingListProps) {
  const days = useMemo(() => groupByDay(tasks, { timeZone }), [tasks, timeZone]);
  const tabStopId = tabStopOf(tasks, activeId);

  // Keyboard moves: every row is in the DOM here, so focusing is enough.
  useEffect(() => {
    if (focusRequest) document.querySelector<HTMLElement>(`[data-task-id="${focusRequest.id}"]`)?.focus();
  }, [focusRequest]);

  return (
    <div className="flex flex-col gap-5">
      {days.map((day) => {
        const headingId = `day-${day.day.toISOString().slice(0, 10)}`;
        const dayName = `${day.name}, ${day.date}`;
        return (
          <section key={headingId} aria-labelledby={headingId} data-testid="upcoming-day">
            <h2
              id={headingId}
              className="mb-1.5 flex items-baseline gap-2 border-line border-b pb-1.5 font-semibold text-sm"
            >
              {day.name}
              <span className="font-normal text-muted">{day.date}</span>
            </h2>
            {day.tasks.length > 0 ? (
              <ul
                aria-label={`Tasks on ${dayName}`}
                className="[&>li:last-child>div]:border-b-0 [&>li:last-child>div:first-child_[data-testid=task-row]]:border-b-0"
              >
                {day.tasks.map((task) => (
                  <li key={task.id}>
                    <ListTaskRow task={task} tabStop={task.id === tabStopId} {...props} />
                    {props.expanded.has(task.id) ? <SubtaskList parent={task} depth={1} {...props} /> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="px-3 py-1.5 text-faint text-sm">Nothing planned</p>
            )}
            <DayAdd day={day.day} dayName={dayName} />
          </section>
        );
      })}
    </div>
  );
}
