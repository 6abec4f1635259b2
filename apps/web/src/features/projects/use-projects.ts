import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateProjectInput, UpdateProjectInput } from '@taskapp/shared';
import { useMemo } from 'react';
import { toast } from 'sonner';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';

/** The sidebar's projects (archived ones included, in sidebar order), shared by every screen. */
export function useProjects() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.project.list.queryOptions(), staleTime: 30_000 });
}

export type Project = NonNullable<ReturnType<typeof useProjects>['data']>[number];

/** Projects by id, for the chips on rows. */
export function useProjectsById(): ReadonlyMap<string, Project> {
  const { data } = useProjects();
  return useMemo(() => new Map((data ?? []).map((project) => [project.id, project])), [data]);
}

/** Create, rename, archive or delete: each refreshes the sidebar (and the lists, whose counts move). */
export function useProjectMutations() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.project.list.queryKey() });
  const fail = (what: string) => (error: unknown) => toast.error(what, { description: errorMessage(error) });
  return {
    create: useMutation({
      mutationFn: (input: CreateProjectInput) => client.project.create.mutate(input),
      onSettled: refresh,
      onError: fail('Couldn’t add the project'),
    }),
    update: useMutation({
      mutationFn: (input: UpdateProjectInput) => client.project.update.mutate(input),
      onSettled: refresh,
      onError: fail('Couldn’t change the project'),
    }),
    /** Its tasks move to the Inbox, so every list is read again. */
    remove: useMutation({
      mutationFn: (id: string) => client.project.delete.mutate({ id }),
      onSettled: () =>
        Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.task.pathKey() })]),
      onError: fail('Couldn’t delete the project'),
    }),
  };
}
