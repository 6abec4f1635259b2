import { useState } from 'react';
import type { Task } from '../../../lib/api-types';
import { useTRPCClient } from '../../../lib/trpc';
import type { ParentCompletionQuestion } from './complete-parent-dialog';
import { openSubtasksOf, SUBTASK_PAGE } from './open-subtasks';

interface ParentCompletion {
  /** Completes the task (the caller's optimistic update); `then` runs once the server has it. */
  complete: (task: Task, then?: () => void) => void;
  /** Completes the subtasks (task.bulkUpdate). */
  completeSubtasks: (tasks: Task[]) => void;
}

/**
 * Completing a parent with open subtasks asks first whether to complete them too ("Complete all": the
 * parent, then its open subtasks in one bulk update) or the parent alone. A task without open subtasks
 * completes at once.
 */
export function useParentCompletion({ complete, completeSubtasks }: ParentCompletion) {
  const client = useTRPCClient();
  const [question, setQuestion] = useState<ParentCompletionQuestion | null>(null);

  const request = async (task: Task) => {
    if (task.subtaskCount === 0) return complete(task);
    let open: Task[] = [];
    try {
      open = await openSubtasksOf(task, ({ parentId, cursor }) =>
        client.task.list.query({ parentId, cursor, sort: 'manual', order: 'asc', limit: SUBTASK_PAGE }),
      );
    } catch {
      // Unknown: complete the task alone, as asked, rather than block it.
    }
    if (open.length === 0) complete(task);
    else setQuestion({ task, open });
  };

  return {
    request,
    dialog: {
      question,
      onCompleteAll: ({ task, open }: ParentCompletionQuestion) => {
        setQuestion(null);
        complete(task, () => completeSubtasks(open));
      },
      onCompleteOnly: ({ task }: ParentCompletionQuestion) => {
        setQuestion(null);
        complete(task);
      },
      onCancel: () => setQuestion(null),
    },
  };
}
