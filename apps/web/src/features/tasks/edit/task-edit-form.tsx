import { TASK_STATUSES } from '@taskapp/shared';
import { Trash2 } from 'lucide-react';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { Field, INPUT_CLASSES } from '../../../components/field';
import { Kbd } from '../../../components/kbd';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import type { Task } from '../../../lib/api-types';
import { isMac } from '../../../lib/platform';
import { useDaySettings } from '../../account/use-settings';
import { useDeleteTask } from '../data/use-task-mutations';
import { SubtasksSection } from '../subtasks/subtasks-section';
import { PRIORITIES_HIGH_FIRST, PRIORITY_LABELS, STATUS_LABELS } from '../task-labels';
import { ConflictChoice } from './conflict-choice';
import type { EditField } from './merge-edits';
import { ProjectField } from './project-field';
import { RecurrenceField } from './recurrence-field';
import { RemindersField } from './reminders-field';
import { SaveStatusText } from './save-status';
import { SkipOccurrenceButton } from './skip-occurrence-button';
import { StopRepeatingButton } from './stop-repeating-button';
import { useAutosavedTaskForm } from './use-autosaved-task-form';

/** Asked before the panel closes: resolves false (stay open) while an edit cannot be saved yet. */
export type CloseGuard = () => Promise<boolean>;

interface TaskEditFormProps {
  task: Task;
  /** Whether `task` is the server's answer to the panel's own fetch, not the copy it opened with. */
  fetched: boolean;
  onDone: () => void;
  /** The panel asks this before closing by Esc, the close button or a click outside. */
  closeGuard: RefObject<CloseGuard | null>;
}

/**
 * Saves as you go (see useAutosavedTaskForm): there is no Save button, and closing saves first. A field
 * changed here and elsewhere shows both versions and waits for a choice; the panel stays open meanwhile.
 */
export function TaskEditForm({ task, fetched, onDone, closeGuard }: TaskEditFormProps) {
  // Fixed while the panel is open: settings arriving later must not reread the shown time in another zone.
  const settings = useDaySettings();
  const [timeZone] = useState(settings.timeZone);
  const edit = useAutosavedTaskForm(task, timeZone);
  const { form, status, conflicts } = edit;
  const remove = useDeleteTask();
  const errors = form.formState.errors;
  const conflicted = Object.keys(conflicts).length > 0;
  const stuck = conflicted || status.kind === 'invalid' || status.kind === 'failed';
  const repeats = form.watch('recurrenceRule') !== '';

  const close = async () => {
    if (await edit.beforeClose()) onDone();
  };
  // The panel opens at once with the copy it has (the list's; after a reload, the saved cache's, which can
  // be older than the last save) and fetches the task: that answer is taken up if nothing was typed yet.
  // Later changes made elsewhere are not poured into an open form: its next save finds and merges them.
  const adoptNewer = edit.adoptNewer;
  const tookUpFetched = useRef(false);
  useEffect(() => {
    if (!fetched || tookUpFetched.current) return;
    tookUpFetched.current = true;
    adoptNewer(task);
  }, [fetched, task]);
  const beforeClose = edit.beforeClose;
  useEffect(() => {
    closeGuard.current = beforeClose;
  });
  useEffect(
    () => () => {
      closeGuard.current = null;
    },
    [closeGuard],
  );

  const conflictFor = (field: EditField) => {
    const theirs = conflicts[field];
    return theirs ? (
      <ConflictChoice
        field={field}
        theirs={theirs}
        timeZone={timeZone}
        onKeepMine={() => edit.keepMine(field)}
        onUseTheirs={() => edit.useTheirs(field)}
      />
    ) : null;
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void close();
      }}
      // Leaving a field saves it at once.
      onBlur={() => void edit.flush()}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void close();
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
        {conflictFor('title')}
        <Field label="Description" error={errors.description?.message}>
          {(control) => (
            <textarea
              {...control}
              rows={5}
              placeholder="Notes, links, details"
              className={`${INPUT_CLASSES} h-auto resize-y py-2`}
              {...form.register('description')}
            />
          )}
        </Field>
        {conflictFor('description')}
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
        {conflictFor('status')}
        {conflictFor('priority')}
        <ProjectField task={task} {...form.register('projectId')} />
        {conflictFor('projectId')}
        <fieldset className="flex flex-col gap-1.5">
          <legend className="sr-only">Due</legend>
          <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,7.5rem)_auto] items-start gap-2">
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
              className="mt-7 px-2"
              onClick={() => {
                form.setValue('dueDay', '', { shouldDirty: true });
                form.setValue('dueTime', '', { shouldDirty: true });
              }}
            >
              Clear
            </Button>
          </div>
          <p className="text-muted text-sm">
            Without a time the task is due all day. Times are in your time zone, {timeZone}.
          </p>
        </fieldset>
        {conflictFor('due')}
        <RecurrenceField form={form} timeZone={timeZone} />
        {repeats ? (
          <div className="flex flex-wrap items-start gap-2">
            {task.recurrence && task.dueDate ? (
              <SkipOccurrenceButton
                saved={edit.saved}
                flush={edit.flush}
                adopt={edit.adopt}
                timeZone={timeZone}
              />
            ) : null}
            <StopRepeatingButton form={form} />
          </div>
        ) : null}
        {conflictFor('recurrence')}
        <RemindersField form={form} timeZone={timeZone} />
        {conflictFor('reminders')}
        <SubtasksSection task={task} />
      </div>
      <div className="flex shrink-0 flex-col gap-2 border-line border-t px-5 py-3">
        <SaveStatusText status={status} conflicted={conflicted} />
        <div className="flex items-center gap-2">
          <Button
            variant="ghost"
            className="text-danger hover:text-danger"
            onClick={() => {
              edit.discard();
              remove.mutate(edit.saved());
              onDone();
            }}
          >
            <Trash2 aria-hidden="true" className="size-4" />
            Delete
          </Button>
          <div className="ml-auto flex items-center gap-2">
            {stuck ? (
              <Button
                variant="ghost"
                onClick={() => {
                  edit.discard();
                  onDone();
                }}
              >
                Discard changes
              </Button>
            ) : null}
            <span className="text-fg text-sm max-sm:hidden">
              <Kbd>{isMac ? '⌘↵' : 'Ctrl+↵'}</Kbd>
            </span>
            <Button type="submit" variant="primary" title={`Done (${isMac ? '⌘' : 'Ctrl'}+Enter)`}>
              Done
            </Button>
          </div>
        </div>
      </div>
    </form>
  );
}
