import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '../../lib/toast';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import type { Project } from './use-projects';

interface MoveProject {
  project: Project;
  afterId: string | null;
  /** The active projects in their new order, shown at once. */
  order: Project[];
}

/** A project dragged to a new place in the sidebar: shown there at once, put back if the server refuses. */
export function useMoveProject() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const key = trpc.project.list.queryKey();
  return useMutation({
    mutationFn: ({ project, afterId }: MoveProject) =>
      client.project.update.mutate({ id: project.id, afterId }),
    onMutate: async ({ order }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData(key);
      queryClient.setQueryData(key, (projects) =>
        projects ? [...order, ...projects.filter((project) => project.archivedAt !== null)] : projects,
      );
      return { before };
    },
    onError: (error, _move, context) => {
      queryClient.setQueryData(key, context?.before);
      toast.error('Couldn’t move the project', { description: errorMessage(error) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
