import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateLabelInput, UpdateLabelInput } from '@taskapp/shared';
import { useMemo } from 'react';
import { toast } from 'sonner';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';

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

/** Add, rename, recolour or delete a label; a deleted label leaves its tasks, so lists are read again. */
export function useLabelMutations() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.label.list.queryKey() });
  const fail = (what: string) => (error: unknown) => toast.error(what, { description: errorMessage(error) });
  return {
    create: useMutation({
      mutationFn: (input: CreateLabelInput) => client.label.create.mutate(input),
      onSettled: refresh,
      onError: fail('Couldn’t add the label'),
    }),
    update: useMutation({
      mutationFn: (input: UpdateLabelInput) => client.label.update.mutate(input),
      onSettled: refresh,
      onError: fail('Couldn’t change the label'),
    }),
    remove: useMutation({
      mutationFn: (id: string) => client.label.delete.mutate({ id }),
      onSettled: () =>
        Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.task.pathKey() })]),
      onError: fail('Couldn’t delete the label'),
    }),
  };
}
