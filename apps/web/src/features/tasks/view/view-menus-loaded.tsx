import * as Menu from '@radix-ui/react-dropdown-menu';
import { TASK_PRIORITIES, type TaskPriority, type TaskSort } from '@taskapp/shared';
import { Check } from 'lucide-react';
import type { ReactNode } from 'react';
import type { LoadedMenuProps } from '../../../components/deferred-menu';
import { LoadedDropdown } from '../../../components/loaded-dropdown';
import { MENU_ITEM, MENU_SEPARATOR } from '../../../components/menu-styles';
import { PRIORITIES_HIGH_FIRST, PRIORITY_LABELS } from '../task-labels';
import { DEFAULT_ORDER, type DueFilter, type SortOrder, type TaskView } from './task-view';
import { DUE_LABELS, ORDER_LABELS, SORT_LABELS } from './view-labels';

type ChangeView = (patch: Partial<TaskView>) => void;

function Indicator() {
  return (
    <Menu.ItemIndicator className="ml-auto">
      <Check aria-hidden="true" className="size-4 text-accent-text" />
    </Menu.ItemIndicator>
  );
}

function ViewMenu({ label, children, ...menu }: LoadedMenuProps & { label: string; children: ReactNode }) {
  return (
    <LoadedDropdown {...menu} align="start" sideOffset={6} className="w-52">
      <Menu.Label className="px-2 py-1 text-muted text-xs">{label}</Menu.Label>
      {children}
    </LoadedDropdown>
  );
}

/** The priority filter's menu, mounted once its code has loaded: see PriorityFilterMenu. */
export function LoadedPriorityFilterMenu({
  value,
  onChange,
  ...menu
}: LoadedMenuProps & { value: TaskPriority[] | undefined; onChange: ChangeView }) {
  const chosen = value ?? [];
  const toggle = (priority: TaskPriority, checked: boolean) => {
    const next = TASK_PRIORITIES.filter((p) => (p === priority ? checked : chosen.includes(p)));
    onChange({ priority: next.length && next.length < TASK_PRIORITIES.length ? next : undefined });
  };
  return (
    <ViewMenu {...menu} label="Show priority">
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
    </ViewMenu>
  );
}

/** The due filter's menu: see DueFilterMenu. */
export function LoadedDueFilterMenu({
  value,
  onChange,
  ...menu
}: LoadedMenuProps & { value: DueFilter | undefined; onChange: ChangeView }) {
  return (
    <ViewMenu {...menu} label="Show due">
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
    </ViewMenu>
  );
}

/** The sort menu: see SortMenu. */
export function LoadedSortMenu({
  sort,
  order,
  defaultSort,
  manual,
  onChange,
  ...menu
}: LoadedMenuProps & {
  sort: TaskSort;
  order: SortOrder;
  defaultSort: TaskSort;
  manual: boolean;
  onChange: ChangeView;
}) {
  const sorts = (Object.keys(SORT_LABELS) as TaskSort[]).filter((option) => manual || option !== 'manual');
  return (
    <ViewMenu {...menu} label="Sort by">
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
    </ViewMenu>
  );
}
