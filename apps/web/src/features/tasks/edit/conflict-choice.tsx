import { Button } from '../../../components/button';
import type { Task } from '../../../lib/api-types';
import { useProjectsById } from '../../projects/use-projects';
import { FIELD_NAMES, fieldText } from './field-text';
import type { EditField } from './merge-edits';

interface ConflictChoiceProps {
  field: EditField;
  theirs: Task;
  timeZone: string;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}

/** A field changed here and elsewhere: says what the other version holds and lets the person pick. */
export function ConflictChoice({ field, theirs, timeZone, onKeepMine, onUseTheirs }: ConflictChoiceProps) {
  const projects = useProjectsById();
  const projectName = (id: string) => projects.get(id)?.name;
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-warning p-3 text-sm">
      <legend className="sr-only">{FIELD_NAMES[field]} changed elsewhere</legend>
      <p>
        Changed elsewhere to{' '}
        <q className="break-words font-medium">{fieldText(field, theirs, timeZone, projectName)}</q>. Which
        one should stay?
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="primary" onClick={onKeepMine}>
          Keep mine
        </Button>
        <Button size="sm" onClick={onUseTheirs}>
          Use theirs
        </Button>
      </div>
    </fieldset>
  );
}
