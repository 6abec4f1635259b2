import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../../lib/trpc';

const CHANNEL = 'taskapp-tasks';

/** Tells the app's other open tabs that tasks changed, so they refetch at once instead of on focus. */
export function announceTaskChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'tasks-changed' });
  channel.close();
}

/** Refetches every task list, count and detail when another tab announces a change. */
export function useTaskChangesFromOtherTabs(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => void queryClient.invalidateQueries({ queryKey: trpc.task.pathKey() });
    return () => channel.close();
  }, [queryClient, trpc]);
}
