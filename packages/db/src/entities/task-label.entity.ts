import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { LabelSchema } from './label.entity.js';
import { TaskSchema } from './task.entity.js';
import { UserSchema } from './user.entity.js';

/**
 * A label on a task. Carries the owner so "tasks having label X" is read through an index led by
 * user_id, like every other list; the row goes when its task, its label or its owner goes.
 */
export const TaskLabelSchema = defineEntity({
  name: 'TaskLabel',
  tableName: 'task_labels',
  indexes: [
    { name: 'task_labels_user_id_label_id_task_id_idx', properties: ['user', 'label', 'task'] },
    // Deleting a label removes its rows (the foreign key cascades) through this index.
    { name: 'task_labels_label_id_idx', properties: ['label'] },
  ],
  properties: {
    task: belongsTo(TaskSchema, 'task_labels_task_id_fkey').primary(),
    label: belongsTo(LabelSchema, 'task_labels_label_id_fkey').primary(),
    user: belongsTo(UserSchema, 'task_labels_user_id_fkey'),
  },
});

export type TaskLabel = InferEntity<typeof TaskLabelSchema>;
