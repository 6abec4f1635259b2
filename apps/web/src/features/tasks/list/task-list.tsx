import {
  defaultRangeExtractor,
  type observeWindowRect,
  type Range,
  useWindowVirtualizer,
  type Virtualizer,
  windowScroll,
} from '@tanstack/react-virtual';
import {
  type ComponentType,
  memo,
  type ReactNode,
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { afterLayout } from '../../../lib/after-layout';
import type { Task } from '../../../lib/api-types';
import { onServer, serverViewport } from '../../../lib/server-render';
import { whenIdle } from '../../../lib/when-idle';
import { type ListRowsProps, ListTaskRow, tabStopOf } from './list-task-row';
import { SubtaskList } from './subtask-list';
import { TaskListSkeleton } from './task-list-states';

const ROW_HEIGHT = 44;
// Start the next page this many rows before the end, so scrolling rarely meets the skeleton.
const PREFETCH_ROWS = 10;
// Rows built beyond each edge of the screen, so a scroll finds them ready. The first render builds only
// what is on screen (and one more): the first list's rows are most of the first screen's work on a phone.
const FIRST_OVERSCAN = 1;
const OVERSCAN = 8;

/** FIRST_OVERSCAN for the first render, OVERSCAN once the browser has been idle after it. */
function useOverscan(): number {
  const [overscan, setOverscan] = useState(FIRST_OVERSCAN);
  useEffect(() => {
    let live = true;
    whenIdle(() => {
      if (live) startTransition(() => setOverscan(OVERSCAN));
    }, 1000);
    return () => {
      live = false;
    };
  }, []);
  return overscan;
}

/**
 * Which rows to build. Until the browser has first been idle (the larger overscan), a row once built stays
 * built, up to OVERSCAN rows past the screen. The first rows are placed at an estimated height; when they
 * measure taller the range shrinks, so the last few were built only to be taken down a moment later (and
 * built again with the larger overscan), each time in the middle of the first screen's work.
 */
function useRangeExtractor(settled: boolean) {
  const builtEnd = useRef(-1);
  return useCallback(
    (range: Range) => {
      if (settled) return defaultRangeExtractor(range);
      const kept = Math.min(builtEnd.current, range.endIndex + OVERSCAN, range.count - 1);
      builtEnd.current = Math.max(kept, range.endIndex);
      return defaultRangeExtractor({ ...range, endIndex: builtEnd.current });
    },
    [settled],
  );
}

/**
 * Where the list starts on the page, for the virtualizer. Read when the ResizeObserver reports (its first
 * report comes after the browser's own layout), never in React's commit: a layout read there forces the
 * first screen's whole style and layout pass inside the commit, where a profiler (Lighthouse's) records
 * React's deep stack with every style invalidation. That made the pass ~200 ms on its own.
 */
function useScrollMargin() {
  const ref = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      setMargin(element.getBoundingClientRect().top + window.scrollY),
    );
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  return { ref, margin };
}

/**
 * The virtualizer's own window bindings, but what they do as it binds (read the window's size, write its
 * scroll position) waits for the browser's next layout instead of forcing one inside React's commit or an
 * animation frame (see useScrollMargin). Until then the list uses the screen's size, which needs no layout.
 */
function useWindowBindings() {
  return useState(() => {
    let writes = 0;
    const observeElementRect: typeof observeWindowRect = (instance, report) => {
      const target = instance.scrollElement;
      if (!target) return;
      const measure = () => report(windowRect());
      const cancel = afterLayout(measure);
      target.addEventListener('resize', measure, { passive: true });
      return () => {
        cancel();
        target.removeEventListener('resize', measure);
      };
    };
    const scrollToFn: typeof windowScroll = (offset, options, instance) => {
      writes += 1;
      if (writes > 1) return windowScroll(offset, options, instance);
      // The first write is the virtualizer settling where it starts; a later write (a row brought into
      // view) has the last word.
      afterLayout(() => {
        if (writes === 1) windowScroll(offset, options, instance);
      });
    };
    const initialRect = onServer ? serverViewport() : { width: screen.width, height: screen.height };
    return { observeElementRect, scrollToFn, initialRect };
  })[0];
}

/**
 * A row's height as its ResizeObserver reports it, after the browser's own layout. The virtualizer's
 * default reads `offsetHeight` as each row mounts, forcing a style and layout pass inside React's commit
 * for every new batch of rows; with Lighthouse's tracing on, that forced pass was the first list's longest
 * task (~130 ms). Until the observer reports, a row keeps its last known height, or the estimate.
 */
function measureRow(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  list: Virtualizer<Window, Element>,
) {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  return list.itemSizeCache.get(list.options.getItemKey(list.indexFromElement(element))) ?? ROW_HEIGHT;
}

function windowRect() {
  return { width: window.innerWidth, height: window.innerHeight };
}

/**
 * What one virtual row holds: the row (wrapped, e.g. draggable) and its open subtasks. Memoised: the list
 * renders again each time the virtualizer measures rows (once per row as they first mount) or the page
 * above it changes size, and a row whose task and state are unchanged need not, wrapper included.
 */
const RowContent = memo(function RowContent({
  task,
  tabStop,
  RowWrapper,
  ...rowProps
}: ListRowsProps & { task: Task; tabStop: boolean; RowWrapper: TaskListProps['RowWrapper'] }) {
  const row = <ListTaskRow task={task} tabStop={tabStop} {...rowProps} />;
  return (
    <>
      {RowWrapper ? <RowWrapper task={task}>{row}</RowWrapper> : row}
      {rowProps.expanded.has(task.id) ? <SubtaskList parent={task} depth={1} {...rowProps} /> : null}
    </>
  );
});

/** A request to scroll a task into view and focus its row; `seq` makes a repeat request a new one. */
export interface FocusRequest {
  id: string;
  seq: number;
}

export interface TaskListProps extends ListRowsProps {
  tasks: Task[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  activeId: string | null;
  focusRequest: FocusRequest | null;
  /** Wraps each row (the manual order's drag code, loaded lazily, makes rows draggable this way). */
  RowWrapper?: ComponentType<{ task: Task; children: ReactNode }>;
}

/**
 * The loaded tasks as a window-scrolled virtual list: only the rows on screen exist in the DOM. Rows are
 * measured, since a title may wrap, a row may have chips, and an expanded row carries its subtasks.
 */
export function TaskList({
  tasks,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  activeId,
  focusRequest,
  RowWrapper,
  ...rowProps
}: TaskListProps) {
  const { ref, margin } = useScrollMargin();
  const overscan = useOverscan();
  const rangeExtractor = useRangeExtractor(overscan !== FIRST_OVERSCAN);
  const windowBindings = useWindowBindings();
  const virtualizer = useWindowVirtualizer({
    count: tasks.length,
    estimateSize: () => ROW_HEIGHT,
    measureElement: measureRow,
    overscan,
    rangeExtractor,
    scrollMargin: margin,
    getItemKey: (index) => tasks[index]?.id ?? index,
    // A size from the start: without it the first render (the interruptible one) holds no rows, and all
    // of them are then built in one synchronous update once the size is measured.
    ...windowBindings,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= tasks.length - PREFETCH_ROWS) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, tasks.length]);

  // Keyboard moves: bring the row into view, then focus it once the virtualizer has rendered it. Each
  // request is served once; later list changes (a search, a refetch) must not pull focus back.
  const served = useRef(0);
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (!focusRequest || focusRequest.seq === served.current) return;
    served.current = focusRequest.seq;
    pendingFocus.current = focusRequest.id;
    const index = tasks.findIndex((task) => task.id === focusRequest.id);
    if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [focusRequest, tasks, virtualizer]);
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const row = ref.current?.querySelector<HTMLElement>(`[data-task-id="${id}"]`);
    if (row || !tasks.some((task) => task.id === id)) pendingFocus.current = null;
    row?.focus({ preventScroll: true });
  });

  const tabStopId = tabStopOf(tasks, activeId);

  // The rows are laid out in flow inside one list moved to where the first built row starts: rows placed
  // one by one (each at its own offset) had to be moved again as each was measured, ~20 style writes
  // recorded with React's stack on the first screen; in flow, measuring moves nothing.
  const offset = (items[0]?.start ?? margin) - margin;
  return (
    <div ref={ref}>
      <div
        className="relative overflow-hidden rounded-lg border border-line bg-surface [overflow-anchor:none]"
        style={{ height: virtualizer.getTotalSize() }}
      >
        <ul
          aria-label="Tasks"
          className="absolute inset-x-0 top-0 [&>li:last-child>div]:border-b-0 [&>li:last-child>div:first-child_[data-testid=task-row]]:border-b-0"
          style={{ transform: `translateY(${offset}px)` }}
        >
          {items.map((item) => {
            const task = tasks[item.index];
            if (!task) return null;
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                aria-setsize={hasNextPage ? -1 : tasks.length}
                aria-posinset={item.index + 1}
                data-index={item.index}
              >
                <RowContent
                  task={task}
                  tabStop={task.id === tabStopId}
                  RowWrapper={RowWrapper}
                  {...rowProps}
                />
              </li>
            );
          })}
        </ul>
      </div>
      {isFetchingNextPage ? <TaskListSkeleton rows={2} /> : null}
    </div>
  );
}
