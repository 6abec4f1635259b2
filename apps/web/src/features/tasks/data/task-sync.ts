import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../../../lib/trpc';

// One channel object per tab, used to send and to listen: a channel never receives its own messages,
// so the tab that wrote (and already reconciles) does not refetch a second time.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('taskapp-tasks');

/** Tells the app's other open tabs that tasks changed, so they refetch at once instead of on focus. */
export function announceTaskChange(): void {
  channel?.postMessage({ type: 'tasks-changed' });
}

/** Refetches every task list, count and detail when another tab announces a change. */
export function useTaskChangesFromOtherTabs(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!channel) return;
    const refetch = () => {
      void queryClient.invalidateQueries({ queryKey: trpc.task.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.project.list.pathKey() });
    };
    channel.addEventListener('message', refetch);
    return () => channel.removeEventListener('message', refetch);
  }, [queryClient, trpc]);
}
