import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CreateProjectInput, DEFAULT_COLOR, type UpdateProjectInput } from '@taskapp/shared';
import { useMemo } from 'react';
import { viaOutbox } from '../../lib/offline/outbox/outbox-paths';
import { toast } from '../../lib/toast';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import { type Shown, useOptimisticList, withoutId } from './optimistic-list';

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

/** A new project as the server will answer: last in the sidebar, no open tasks yet. */
function draftProject(input: CreateProjectInput & { id: string }): Project {
  return {
    id: input.id,
    name: input.name.trim(),
    color: input.color ?? DEFAULT_COLOR,
    // Sorts after every real key: the server picks the real one.
    position: '\uffff',
    archivedAt: null,
    openTaskCount: 0,
  };
}

function changedProject(project: Project, { name, color, archived }: UpdateProjectInput): Project {
  const archivedAt = archived === undefined ? project.archivedAt : archived ? new Date() : null;
  return { ...project, name: name?.trim() ?? project.name, color: color ?? project.color, archivedAt };
}

/**
 * Create, rename, archive or delete: shown in the sidebar at once (offline too: the write waits in the
 * outbox), put back if the server refuses, and the sidebar (with the lists, whose counts move) read again.
 */
export function useProjectMutations() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const list = useOptimisticList<Project>(trpc.project.list.queryKey());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.project.list.queryKey() });
  const fail = (what: string) => (error: unknown, _input: unknown, shown: Shown<Project> | undefined) => {
    list.restore(shown);
    toast.error(what, { description: errorMessage(error) });
  };
  const create = useMutation({
    mutationFn: (input: CreateProjectInput & { id: string }) =>
      client.project.create.mutate(input, viaOutbox({ title: input.name, predicted: draftProject(input) })),
    onMutate: (input) => list.show((projects) => [...projects, draftProject(input)]),
    onSettled: refresh,
    onError: fail('Couldn’t add the project'),
  });
  return {
    create: {
      ...create,
      /** A client-chosen id: a create sent again after a lost answer never makes a second project. */
      mutate: (input: CreateProjectInput, options?: Parameters<typeof create.mutate>[1]) =>
        create.mutate({ ...input, id: input.id ?? crypto.randomUUID() }, options),
    },
    update: useMutation({
      mutationFn: (input: UpdateProjectInput) => {
        const project = list.current(input.id);
        return client.project.update.mutate(
          input,
          viaOutbox({ title: project?.name, predicted: project && changedProject(project, input) }),
        );
      },
      onMutate: (input) =>
        list.show((projects) =>
          projects.map((project) => (project.id === input.id ? changedProject(project, input) : project)),
        ),
      onSettled: refresh,
      onError: fail('Couldn’t change the project'),
    }),
    /** Its tasks move to the Inbox, so every list is read again. */
    remove: useMutation({
      mutationFn: (id: string) =>
        client.project.delete.mutate({ id }, viaOutbox({ title: list.current(id)?.name, predicted: { id } })),
      onMutate: (id) => list.show((projects) => withoutId(projects, id)),
      onSettled: () =>
        Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.task.pathKey() })]),
      onError: fail('Couldn’t delete the project'),
    }),
  };
}
