import { z } from 'zod';
import { COLORS, LIMITS } from '../constants.js';
import { storableText } from '../text.js';

export const colorSchema = z.enum(COLORS, `Colour must be one of ${COLORS.join(', ')}`);

const nameSchema = storableText()
  .trim()
  .min(1, 'Give it a name')
  .max(LIMITS.nameMax, `Use at most ${LIMITS.nameMax} characters`);

export const projectIdSchema = z.uuid('Not a project id');
export const labelIdSchema = z.uuid('Not a label id');

/** `afterId`: placed right after that sibling; null = first. */
const afterIdSchema = z.uuid('Not an id').nullable();

export const createProjectInput = z.strictObject({
  /**
   * A client-chosen id (a UUID), so a retried or offline create never makes a duplicate: a create with an
   * id the caller already has answers that project unchanged; someone else's id is CONFLICT.
   */
  id: projectIdSchema.optional(),
  name: nameSchema,
  color: colorSchema.optional(),
});
export type CreateProjectInput = z.infer<typeof createProjectInput>;

export const updateProjectInput = z.strictObject({
  id: projectIdSchema,
  name: nameSchema.optional(),
  color: colorSchema.optional(),
  /** true archives it (hidden from the sidebar, its tasks kept); false brings it back. */
  archived: z.boolean().optional(),
  /** Moves it in the sidebar: right after that project, or first with null. */
  afterId: afterIdSchema.optional(),
});
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const projectByIdInput = z.strictObject({ id: projectIdSchema });

export const createLabelInput = z.strictObject({
  /** A client-chosen id (a UUID), as for a project: a repeat answers the label unchanged. */
  id: labelIdSchema.optional(),
  name: nameSchema,
  color: colorSchema.optional(),
});
export type CreateLabelInput = z.infer<typeof createLabelInput>;

export const updateLabelInput = z.strictObject({
  id: labelIdSchema,
  name: nameSchema.optional(),
  color: colorSchema.optional(),
});
export type UpdateLabelInput = z.infer<typeof updateLabelInput>;

export const labelByIdInput = z.strictObject({ id: labelIdSchema });

/** A task's labels: distinct ids, at most LIMITS.labelsPerTask. */
export const taskLabelIdsSchema = z
  .array(labelIdSchema)
  .max(LIMITS.labelsPerTask, `A task can have at most ${LIMITS.labelsPerTask} labels`)
  .refine((ids) => new Set(ids).size === ids.length, 'A label is listed twice');

export const moveTaskInput = z.strictObject({
  id: z.uuid('Not a task id'),
  /** The project to move it to (null = the Inbox); left out, it stays in its project. */
  projectId: projectIdSchema.nullable().optional(),
  /** The parent to nest it under (null = top level); left out, it keeps its parent. */
  parentId: z.uuid('Not a task id').nullable().optional(),
  /** Placed right after that sibling; null or left out = first. */
  afterId: afterIdSchema.optional(),
});
export type MoveTaskInput = z.infer<typeof moveTaskInput>;
