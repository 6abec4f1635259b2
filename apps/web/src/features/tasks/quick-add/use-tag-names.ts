import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../../lib/trpc';
import type { NamedRef } from './quick-add-tags';

export interface TagNames {
  projects: NamedRef[];
  labels: NamedRef[];
}

/**
 * The projects and labels that `#name` and `@name` match, from the same cached lists the sidebar
 * shows. Archived projects are left out: a task added to one would vanish from sight.
 */
export function useTagNames(): TagNames {
  const trpc = useTRPC();
  const projects = useQuery({ ...trpc.project.list.queryOptions(), staleTime: 30_000 });
  const labels = useQuery({ ...trpc.label.list.queryOptions(), staleTime: 30_000 });
  return useMemo(
    () => ({
      projects: (projects.data ?? [])
        .filter((project) => project.archivedAt === null)
        .map(({ id, name }) => ({ id, name })),
      labels: (labels.data ?? []).map(({ id, name }) => ({ id, name })),
    }),
    [projects.data, labels.data],
  );
}
