import { zodResolver } from '@hookform/resolvers/zod';
import { LIMITS, TASK_STATUSES } from '@taskapp/shared';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button';
import { Field, INPUT_CLASSES } from '../../../components/field';
import { Kbd } from '../../../components/kbd';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import type { Task } from '../../../lib/api-types';
import { isMac } from '../../../lib/platform';
import { browserTimeZone } from '../../../lib/time-zone';
import { useDeleteTask, useUpdateTask } from '../data/use-task-mutations';
import { PRIORITIES_HIGH_FIRST, PRIORITY_LABELS, STATUS_LABELS } from '../task-labels';
import { formValuesOf, patchFrom, taskFormSchema } from './task-form';

interface TaskEditFormProps {
  task: Task;
  onDone: () => void;
}

/**
 * Saves only the changed fields, guarded by the version that was opened: if the task changed elsewhere
 * meanwhile the server refuses (CONFLICT) instead of silently overwriting someone's change.
 */
export function TaskEditForm({ task, onDone }: TaskEditFormProps) {
  // The version the person started from; updates arriving while they type do not move it.
  const [opened] = useState(task);
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const form = useForm({
    resolver: zodResolver(taskFormSchema),
    defaultValues: formValuesOf(opened),
    mode: 'onTouched',
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((values) => {
    const patch = patchFrom(opened, values);
    if (Object.keys(patch).length > 0) update.mutate({ task: opened, patch, guardAgainstStale: true });
    // The list already shows the change; a refusal comes back as a toast and the list rolls back.
    onDone();
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void onSubmit();
      }}
      aria-label="Edit task"
      className="flex min-h-0 flex-1 flex-col"
    >
      <div className="flex flex-1 flex-col gap-4 overflow-y-auto p-5">
        <TextField
          label="Title"
          autoComplete="off"
          error={errors.title?.message}
          {...form.register('title')}
        />
        <Field label="Description" error={errors.description?.message}>
          {(control) => (
            <textarea
              {...control}
              rows={5}
              maxLength={LIMITS.descriptionMax}
              placeholder="Notes, links, details"
              className={`${INPUT_CLASSES} h-auto resize-y py-2`}
              {...form.register('description')}
            />
          )}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            label="Status"
            options={TASK_STATUSES}
            optionLabels={STATUS_LABELS}
            {...form.register('status')}
          />
          <SelectField
            label="Priority"
            options={PRIORITIES_HIGH_FIRST}
            optionLabels={PRIORITY_LABELS}
            {...form.register('priority')}
          />
        </div>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 font-medium text-sm">Due</legend>
          <div className="grid grid-cols-[1fr_auto_auto] items-start gap-2">
            <TextField
              label="Due date"
              type="date"
              error={errors.dueDay?.message}
              {...form.register('dueDay')}
            />
            <TextField
              label="Time"
              type="time"
              error={errors.dueTime?.message}
              {...form.register('dueTime')}
            />
            <Button
              variant="ghost"
              className="mt-7"
              onClick={() => {
                form.setValue('dueDay', '', { shouldDirty: true });
                form.setValue('dueTime', '', { shouldDirty: true });
              }}
            >
              Clear
            </Button>
          </div>
          <p className="text-muted text-sm">Times are in your time zone, {browserTimeZone()}.</p>
        </fieldset>
      </div>
      <div className="flex shrink-0 items-center gap-2 border-line border-t px-5 py-3">
        <Button
          variant="ghost"
          className="text-danger hover:text-danger"
          onClick={() => {
            remove.mutate(opened);
            onDone();
          }}
        >
          <Trash2 aria-hidden="true" className="size-4" />
          Delete
        </Button>
        <div className="ml-auto flex items-center gap-2">
          <span className="text-fg text-sm max-sm:hidden">
            <Kbd>{isMac ? '⌘↵' : 'Ctrl+↵'}</Kbd>
          </span>
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" title={`Save (${isMac ? '⌘' : 'Ctrl'}+Enter)`}>
            Save
          </Button>
        </div>
      </div>
    </form>
  );
}
