import { useMutation } from '@tanstack/react-query';
import { toast } from '../../../lib/toast';
import { errorMessage } from '../../../lib/trpc-errors';
import { type CacheSnapshot, TASK_WRITE_KEY, type TaskCache } from './use-task-cache';

interface FailureToast {
  title: string;
  description: string;
}

interface OptimisticTaskMutation<TVariables, TData, TShown> {
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** Puts the write in the cache before the server answers; what it returns reaches `onSuccess`. */
  show: (variables: TVariables) => TShown;
  onSuccess?: (data: TData, variables: TVariables, shown: TShown) => void;
  /**
   * The toast's title when the write fails (the server's reason goes below it), or the whole toast;
   * null when the caller shows the failure itself (the edit panel, next to the fields).
   */
  failure: string | ((error: unknown, variables: TVariables) => FailureToast) | null;
}

/**
 * Every task write works the same way: the cache shows it at once; a failure puts the cache back and
 * says why in a toast; either way the server's truth is fetched once the last write has settled.
 */
export function useOptimisticTaskMutation<TVariables, TData, TShown>(
  cache: TaskCache,
  { mutationFn, show, onSuccess, failure }: OptimisticTaskMutation<TVariables, TData, TShown>,
) {
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    mutationFn,
    onMutate: async (variables): Promise<{ snapshot: CacheSnapshot; shown: TShown }> => {
      const snapshot = await cache.snapshot();
      return { snapshot, shown: show(variables) };
    },
    onSuccess: (data, variables, context) => onSuccess?.(data, variables, context.shown),
    onError: (error, variables, context) => {
      cache.rollback(context?.snapshot);
      if (failure === null) return;
      const { title, description } =
        typeof failure === 'string'
          ? { title: failure, description: errorMessage(error) }
          : failure(error, variables);
      toast.error(title, { description });
    },
    onSettled: () => cache.reconcile(),
  });
}
