import { useState } from 'react';
import { LabelItem } from './label-item';
import { NameForm } from './name-form';
import { SectionAddButton } from './section-add-button';
import { SectionHeading } from './section-heading';
import { useLabelMutations, useLabels } from './use-labels';

/** Every label, each opening the tasks that carry it; + adds one. */
export function LabelsSection({ onNavigate }: { onNavigate?: () => void }) {
  const { data: labels = [], isPending } = useLabels();
  const { create } = useLabelMutations();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="sidebar-labels" className="flex flex-col gap-0.5">
      <SectionHeading
        id="sidebar-labels"
        title="Labels"
        actions={<SectionAddButton label="Add label" onClick={() => setAdding(true)} />}
      />
      {labels.length > 0 ? (
        <ul className="flex flex-col gap-0.5">
          {labels.map((label) => (
            <LabelItem key={label.id} label={label} onNavigate={onNavigate} />
          ))}
        </ul>
      ) : !isPending && !adding ? (
        <p className="px-2.5 text-faint text-xs">
          Type @name in quick add to label a task, or add one with +.
        </p>
      ) : null}
      {adding ? (
        <NameForm
          label="New label name"
          placeholder="Label name"
          busy={create.isPending}
          onSubmit={(name) => create.mutate({ name }, { onSuccess: () => setAdding(false) })}
          onCancel={() => setAdding(false)}
        />
      ) : null}
    </section>
  );
}
