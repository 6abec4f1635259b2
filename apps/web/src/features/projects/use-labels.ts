import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../lib/trpc';

/** The person's labels, shared by the sidebar, the rows' chips and quick add. */
export function useLabels() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.label.list.queryOptions(), staleTime: 30_000 });
}

export type Label = NonNullable<ReturnType<typeof useLabels>['data']>[number];

/** Labels by id, for the chips on rows. */
export function useLabelsById(): ReadonlyMap<string, Label> {
  const { data } = useLabels();
  return useMemo(() => new Map((data ?? []).map((label) => [label.id, label])), [data]);
}
