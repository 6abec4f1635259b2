import { type QueryKey, useQueryClient } from '@tanstack/react-query';

/**
 * A cached list (projects, labels) changed at once, before the server answers, and put back if it refuses:
 * offline the change waits in the outbox, and the sidebar already shows it.
 */
export interface Shown<T> {
  before: T[] | undefined;
}

export function useOptimisticList<T extends { id: string }>(queryKey: QueryKey) {
  const queryClient = useQueryClient();
  return {
    /** Shows `change` in the list; returns the list as it was, for `restore`. */
    async show(change: (list: T[]) => T[]): Promise<Shown<T>> {
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData<T[]>(queryKey);
      queryClient.setQueryData<T[]>(queryKey, (list) => (list ? change(list) : list));
      return { before };
    },
    restore(shown: Shown<T> | undefined): void {
      if (shown?.before) queryClient.setQueryData(queryKey, shown.before);
    },
    current: (id: string) => queryClient.getQueryData<T[]>(queryKey)?.find((item) => item.id === id),
  };
}

export const replaceIn = <T extends { id: string }>(list: T[], next: T) =>
  list.map((item) => (item.id === next.id ? next : item));

export const withoutId = <T extends { id: string }>(list: T[], id: string) =>
  list.filter((item) => item.id !== id);
