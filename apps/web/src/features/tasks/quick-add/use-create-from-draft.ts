import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_COLOR } from '@taskapp/shared';
import { viaOutbox } from '../../../lib/offline/outbox/outbox-paths';
import { useTRPC, useTRPCClient } from '../../../lib/trpc';
import { errorCode, httpStatus } from '../../../lib/trpc-errors';
import type { PlaceDefaults } from '../../navigation/place-context';
import { useCreateTask } from '../data/use-task-mutations';
import type { QuickAddDraft } from './parse-quick-add';
import { sameName } from './quick-add-tags';

/**
 * Adds the task quick add understood: first the project and labels it names that do not exist yet
 * (the person has confirmed them), then the task in that project with those labels. What was not typed
 * comes from the place it is added in (its project, its label, Today's date).
 */
export function useCreateFromDraft() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const createTask = useCreateTask();

  // A new name is known at once, so the next line typed right away matches it instead of offering it again.
  const known = <T>(queryKey: QueryKey, created: T) =>
    queryClient.setQueryData<T[]>(queryKey, (list) => (list ? [...list, created] : list));

  const labelId = async (name: string): Promise<string> => {
    try {
      const id = crypto.randomUUID();
      const label = await client.label.create.mutate(
        { id, name },
        viaOutbox({ title: name, predicted: { id, name, color: DEFAULT_COLOR } }),
      );
      known(trpc.label.list.queryKey(), label);
      return label.id;
    } catch (failure) {
      // Created meanwhile (another tab, or a label list that was not loaded yet): use that one.
      if (errorCode(failure) !== 'CONFLICT') throw failure;
      const existing = (await client.label.list.query()).find((label) => sameName(label.name, name));
      if (!existing) throw failure;
      return existing.id;
    }
  };

  // The server's list; offline, the one this tab has (the new project then waits in the outbox with the task).
  const projectsNow = async () => {
    try {
      return await client.project.list.query();
    } catch (failure) {
      const cached = queryClient.getQueryData(trpc.project.list.queryKey());
      if (httpStatus(failure) !== undefined || !cached) throw failure;
      return cached;
    }
  };

  // The project list may not have loaded when the person pressed Enter: an existing one is used, not doubled.
  const projectIdOf = async (name: string): Promise<string> => {
    const existing = (await projectsNow()).find(
      (project) => project.archivedAt === null && sameName(project.name, name),
    );
    if (existing) return existing.id;
    const id = crypto.randomUUID();
    const project = await client.project.create.mutate(
      { id, name },
      viaOutbox({
        title: name,
        predicted: { id, name, color: DEFAULT_COLOR, position: '\uffff', archivedAt: null, openTaskCount: 0 },
      }),
    );
    known(trpc.project.list.queryKey(), project);
    return project.id;
  };

  return async (draft: QuickAddDraft, defaults: PlaceDefaults = {}) => {
    const { project, labels } = draft;
    const newLabels = labels.some((label) => label.id === null);
    try {
      const [projectId, typedLabelIds] = await Promise.all([
        project ? (project.id ?? projectIdOf(project.name)) : defaults.projectId,
        Promise.all(labels.map((label) => label.id ?? labelId(label.name))),
      ]);
      const labelIds = [...new Set([...(defaults.labelIds ?? []), ...typedLabelIds])];
      const dueDate = draft.dueDate ?? defaults.dueDate;
      const allDay = draft.dueDate ? draft.allDay : (defaults.allDay ?? false);
      return await createTask.mutateAsync({
        title: draft.title,
        ...(dueDate ? { dueDate, allDay } : {}),
        ...(draft.priority ? { priority: draft.priority } : {}),
        ...(projectId ? { projectId } : {}),
        ...(labelIds.length > 0 ? { labelIds } : {}),
        ...(draft.recurrence ? { recurrence: draft.recurrence } : {}),
      });
    } finally {
      // A new project or label joins the sidebar; a project's open count grows by this task.
      if (project) void queryClient.invalidateQueries({ queryKey: trpc.project.list.queryKey() });
      if (newLabels) void queryClient.invalidateQueries({ queryKey: trpc.label.list.queryKey() });
    }
  };
}
