import { randomUUID } from 'node:crypto';
import {
  type EntityManager,
  LabelSchema,
  ProjectSchema,
  type Task,
  TaskLabelSchema,
  TaskSchema,
  type User,
} from '@taskapp/db';
import { keyAfter } from '@taskapp/db/queries';
import { DEMO_LABELS, DEMO_PROJECTS } from './demo-organisation.js';
import type { DemoTask } from './demo-tasks.js';

/**
 * Adds the demo projects, labels and tasks (with their subtasks and labels) for `user` to the unit of
 * work; the caller flushes. Parents come before their subtasks in `tasks`, so every insert finds its parent.
 */
export function createDemoData(em: EntityManager, user: User, tasks: readonly DemoTask[]): void {
  let position: string | null = null;
  const projects = new Map(
    DEMO_PROJECTS.map((project) => {
      position = keyAfter(position);
      return [project.name, em.create(ProjectSchema, { ...project, user, position })] as const;
    }),
  );
  const labels = new Map(
    DEMO_LABELS.map((label) => [label.name, em.create(LabelSchema, { ...label, user })]),
  );
  const byTitle = new Map<string, Task>();
  function createTask({ project, labels: labelNames, parent, ...fields }: DemoTask): Task {
    const created: Task = em.create(TaskSchema, {
      ...fields,
      // Chosen here, so a subtask can name its parent before anything is flushed.
      id: randomUUID(),
      user,
      project: project === null ? null : projects.get(project),
      parent: parent === null ? null : byTitle.get(parent),
      updatedAt: fields.completedAt ?? fields.createdAt,
    });
    for (const name of labelNames)
      em.create(TaskLabelSchema, { task: created, label: labels.get(name), user });
    return created;
  }
  for (const task of tasks) byTitle.set(task.title, createTask(task));
}
