import { CircleStop } from 'lucide-react';
import type { UseFormReturn } from 'react-hook-form';
import { Button } from '../../../components/button';
import type { TaskFormValues } from './task-form';

/**
 * "Stop repeating" ends the series as its own action: this task stays as it is and completing it makes no
 * next one. It clears the rule in the form, which saves it like any other edit (and can be undone by
 * picking a schedule again).
 */
export function StopRepeatingButton({ form }: { form: UseFormReturn<TaskFormValues> }) {
  return (
    <Button
      size="sm"
      variant="ghost"
      title="Keep this task, and make no next one when it is completed"
      onClick={() => form.setValue('recurrenceRule', '', { shouldDirty: true, shouldValidate: true })}
    >
      <CircleStop aria-hidden="true" className="size-3.5" />
      Stop repeating
    </Button>
  );
}
