import * as RadixDialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useRef } from 'react';
import { Button } from '../../../components/button';
import type { Task } from '../../../lib/api-types';
import { useTRPC } from '../../../lib/trpc';
import { errorCode, errorMessage } from '../../../lib/trpc-errors';
import { type CloseGuard, TaskEditForm } from './task-edit-form';

export interface TaskPanelProps {
  taskId: string | undefined;
  /** Where focus goes after closing (the task's row); Radix's own restore loses it when the list re-renders. */
  onClosed: () => void;
  /** The task as the list shows it, so the panel opens filled in without waiting for the server. */
  listed: Task | undefined;
  onClose: () => void;
}

function PanelMessage({ title, text, onClose }: { title: string; text: string; onClose: () => void }) {
  return (
    <div className="flex flex-col items-start gap-3 p-5">
      <p className="font-medium">{title}</p>
      <p className="text-muted">{text}</p>
      <Button onClick={onClose}>Close</Button>
    </div>
  );
}

/** Editing one task in a sheet at the side (full screen on phones); the list stays where it was. */
export function TaskPanel({ taskId, listed, onClose, onClosed }: TaskPanelProps) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.task.byId.queryOptions({ id: taskId ?? '' }),
    enabled: taskId !== undefined,
    placeholderData: listed,
  });
  const task = detail.data;
  const closeGuard = useRef<CloseGuard | null>(null);
  // Esc, the close button and a click outside all save first; an edit that can't be saved keeps it open.
  const requestClose = () => {
    const guard = closeGuard.current;
    if (!guard) return onClose();
    void guard().then((saved) => (saved ? onClose() : undefined));
  };

  return (
    <RadixDialog.Root
      open={taskId !== undefined}
      onOpenChange={(open) => (open ? undefined : requestClose())}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-30 bg-canvas/60 motion-safe:animate-fade-in" />
        <RadixDialog.Content
          aria-describedby={undefined}
          onEscapeKeyDown={(event) => {
            // A field that closes itself on Esc (adding a subtask) keeps the panel open.
            if (event.target instanceof Element && event.target.closest('[data-own-escape]'))
              event.preventDefault();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            onClosed();
          }}
          // Straight into the title, not onto the close button: opening the panel is for editing.
          onOpenAutoFocus={(event) => {
            const field = (event.currentTarget as HTMLElement).querySelector<HTMLElement>('input, textarea');
            if (field) {
              event.preventDefault();
              field.focus();
            }
          }}
          className="fixed inset-y-0 right-0 z-40 flex w-full flex-col border-line bg-surface shadow-overlay outline-none motion-safe:animate-fade-in sm:max-w-md sm:border-l"
        >
          <div className="flex h-12 shrink-0 items-center justify-between border-line border-b px-5">
            <RadixDialog.Title className="font-semibold">Edit task</RadixDialog.Title>
            <RadixDialog.Close
              aria-label="Close (Esc)"
              title="Close (Esc)"
              className="-mr-2 flex size-8 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg"
            >
              <X aria-hidden="true" className="size-4" />
            </RadixDialog.Close>
          </div>
          {task ? (
            // A fresh form per task: switching tasks never carries half-typed edits across.
            <TaskEditForm
              key={task.id}
              task={task}
              fetched={detail.isFetchedAfterMount && !detail.isPlaceholderData}
              onDone={onClose}
              closeGuard={closeGuard}
            />
          ) : detail.isError ? (
            errorCode(detail.error) === 'NOT_FOUND' ? (
              <PanelMessage
                title="This task is gone"
                text="It was deleted, perhaps in another tab or on another device."
                onClose={onClose}
              />
            ) : (
              <PanelMessage
                title="Couldn’t open the task"
                text={errorMessage(detail.error)}
                onClose={onClose}
              />
            )
          ) : (
            <p role="status" className="p-5 text-muted">
              Loading the task…
            </p>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
