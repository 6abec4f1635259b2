import * as RadixDialog from '@radix-ui/react-dialog';
import { Button } from '../../../components/button';
import type { Task } from '../../../lib/api-types';

export interface ParentCompletionQuestion {
  task: Task;
  open: Task[];
}

interface CompleteParentDialogProps {
  question: ParentCompletionQuestion | null;
  onCompleteAll: (question: ParentCompletionQuestion) => void;
  onCompleteOnly: (question: ParentCompletionQuestion) => void;
  onCancel: () => void;
}

/** "Also complete its N open subtasks?" when a parent is completed while some of its subtasks are open. */
export function CompleteParentDialog({
  question,
  onCompleteAll,
  onCompleteOnly,
  onCancel,
}: CompleteParentDialogProps) {
  const count = question?.open.length ?? 0;
  const subtasks = `${count} open subtask${count === 1 ? '' : 's'}`;
  return (
    <RadixDialog.Root open={question !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-30 bg-canvas/70 motion-safe:animate-fade-in" />
        <RadixDialog.Content
          role="alertdialog"
          className="fixed top-1/2 left-1/2 z-40 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-surface p-5 shadow-overlay outline-none motion-safe:animate-fade-in"
        >
          <RadixDialog.Title className="font-semibold text-lg">
            Also complete its {subtasks}?
          </RadixDialog.Title>
          <RadixDialog.Description className="mt-1 text-muted">
            “{question?.task.title}” has {subtasks}. Completing them too marks the whole task done.
          </RadixDialog.Description>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Button className="max-sm:h-11" onClick={() => question && onCompleteOnly(question)}>
              Only this task
            </Button>
            <Button
              variant="primary"
              className="max-sm:h-11"
              onClick={() => question && onCompleteAll(question)}
            >
              Complete all
            </Button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
