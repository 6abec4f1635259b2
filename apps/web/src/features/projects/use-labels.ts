import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CreateLabelInput, DEFAULT_COLOR, type UpdateLabelInput } from '@taskapp/shared';
import { useMemo } from 'react';
import { viaOutbox } from '../../lib/offline/outbox/outbox-paths';
import { toast } from '../../lib/toast';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import { type Shown, useOptimisticList, withoutId } from './optimistic-list';

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

/** A new label as the server will answer. */
function draftLabel(input: CreateLabelInput & { id: string }): Label {
  return { id: input.id, name: input.name.trim(), color: input.color ?? DEFAULT_COLOR };
}

function changedLabel(label: Label, { name, color }: UpdateLabelInput): Label {
  return { ...label, name: name?.trim() ?? label.name, color: color ?? label.color };
}

/**
 * Add, rename, recolour or delete a label: shown at once (offline too: the write waits in the outbox), put
 * back if the server refuses; a deleted label leaves its tasks, so lists are read again.
 */
export function useLabelMutations() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const list = useOptimisticList<Label>(trpc.label.list.queryKey());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.label.list.queryKey() });
  const fail = (what: string) => (error: unknown, _input: unknown, shown: Shown<Label> | undefined) => {
    list.restore(shown);
    toast.error(what, { description: errorMessage(error) });
  };
  const create = useMutation({
    mutationFn: (input: CreateLabelInput & { id: string }) =>
      client.label.create.mutate(input, viaOutbox({ title: input.name, predicted: draftLabel(input) })),
    onMutate: (input) => list.show((labels) => [...labels, draftLabel(input)]),
    onSettled: refresh,
    onError: fail('Couldn’t add the label'),
  });
  return {
    create: {
      ...create,
      /** A client-chosen id: a create sent again after a lost answer never makes a second label. */
      mutate: (input: CreateLabelInput, options?: Parameters<typeof create.mutate>[1]) =>
        create.mutate({ ...input, id: input.id ?? crypto.randomUUID() }, options),
    },
    update: useMutation({
      mutationFn: (input: UpdateLabelInput) => {
        const label = list.current(input.id);
        return client.label.update.mutate(
          input,
          viaOutbox({ title: label?.name, predicted: label && changedLabel(label, input) }),
        );
      },
      onMutate: (input) =>
        list.show((labels) =>
          labels.map((label) => (label.id === input.id ? changedLabel(label, input) : label)),
        ),
      onSettled: refresh,
      onError: fail('Couldn’t change the label'),
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        client.label.delete.mutate({ id }, viaOutbox({ title: list.current(id)?.name, predicted: { id } })),
      onMutate: (id) => list.show((labels) => withoutId(labels, id)),
      onSettled: () =>
        Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.task.pathKey() })]),
      onError: fail('Couldn’t delete the label'),
    }),
  };
}
