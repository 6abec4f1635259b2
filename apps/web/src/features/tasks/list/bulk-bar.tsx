import type { TaskPriority } from '@taskapp/shared';
import { CheckCircle2, ChevronDown, Flag, Trash2, X } from 'lucide-react';
import { Button } from '../../../components/button';
import { DeferredMenu } from '../../../components/deferred-menu';
import { Kbd } from '../../../components/kbd';
import { priorityMenu } from './priority-menu';

interface BulkBarProps {
  count: number;
  /** Whether every selected task is completed already: then the action reopens them. */
  allCompleted: boolean;
  canSelectMore: boolean;
  onSelectAll: () => void;
  onComplete: () => void;
  onPriority: (priority: TaskPriority) => void;
  onDelete: () => void;
  onClear: () => void;
}

/** Actions on the selected tasks; it takes the place of the filters while a selection exists. */
export function BulkBar(props: BulkBarProps) {
  const { count, allCompleted, canSelectMore, onSelectAll, onComplete, onPriority, onDelete, onClear } =
    props;
  return (
    <section
      aria-label="Selected tasks"
      // Buttons in full text colour: the muted grey would be too faint on the tint.
      className="flex min-h-10 flex-wrap items-center gap-1.5 rounded-lg border border-accent/40 bg-accent-soft px-2 py-1 [&_button]:text-fg"
    >
      <p role="status" className="mr-auto px-1 font-medium text-accent-text text-sm">
        {count} selected
      </p>
      {canSelectMore ? (
        <Button size="sm" variant="ghost" onClick={onSelectAll} aria-keyshortcuts="Control+A">
          Select all
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onComplete} aria-keyshortcuts="c">
        <CheckCircle2 aria-hidden="true" className="size-4" />
        {allCompleted ? 'Reopen' : 'Complete'}
        <Kbd>C</Kbd>
      </Button>
      <DeferredMenu
        chunk={priorityMenu}
        props={{ onChange: onPriority }}
        trigger={{
          className:
            'inline-flex h-7 items-center gap-1.5 rounded-md px-2.5 font-medium text-muted text-sm hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle',
          children: (
            <>
              <Flag aria-hidden="true" className="size-4" />
              Priority
              <ChevronDown aria-hidden="true" className="size-3.5" />
            </>
          ),
        }}
      />
      <Button
        size="sm"
        variant="ghost"
        onClick={onDelete}
        aria-keyshortcuts="Delete"
        className="hover:text-danger"
      >
        <Trash2 aria-hidden="true" className="size-4" />
        Delete
        <Kbd>Del</Kbd>
      </Button>
      <Button
        size="sm"
        variant="ghost"
        onClick={onClear}
        aria-label="Clear selection"
        aria-keyshortcuts="Escape"
      >
        <X aria-hidden="true" className="size-4" />
        <span className="max-sm:hidden">Clear</span>
        <span className="max-sm:hidden">
          <Kbd>Esc</Kbd>
        </span>
      </Button>
    </section>
  );
}
