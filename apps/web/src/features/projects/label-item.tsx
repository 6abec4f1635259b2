import { Tag } from 'lucide-react';
import { useState } from 'react';
import { SidebarLink } from '../navigation/sidebar-link';
import { COLOR_DOTS } from './colors';
import { ConfirmDelete } from './confirm-delete';
import { ItemMenu } from './item-menu';
import { NameForm } from './name-form';
import { type Label, useLabelMutations } from './use-labels';
import { useLeaveDeletedPlace } from './use-leave-deleted-place';

/** A label in the sidebar: its link and its … menu (renamed in place). */
export function LabelItem({ label, onNavigate }: { label: Label; onNavigate?: () => void }) {
  const { update, remove } = useLabelMutations();
  const leave = useLeaveDeletedPlace();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="flex items-center">
      {renaming ? (
        <NameForm
          label={`Rename ${label.name}`}
          initial={label.name}
          placeholder="Label name"
          onSubmit={(name) => update.mutate({ id: label.id, name }, { onSettled: () => setRenaming(false) })}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <SidebarLink
          to="/labels/$labelId"
          params={{ labelId: label.id }}
          icon={
            <Tag aria-hidden="true" className="size-4 shrink-0" style={{ color: COLOR_DOTS[label.color] }} />
          }
          label={label.name}
          onNavigate={onNavigate}
        />
      )}
      <ItemMenu
        label={`Label actions: ${label.name}`}
        color={label.color}
        onRename={() => setRenaming(true)}
        onColor={(color) => update.mutate({ id: label.id, color })}
        onDelete={() => setConfirming(true)}
      />
      <ConfirmDelete
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete “${label.name}”?`}
        consequence="It is taken off every task that has it; the tasks stay."
        // Gone from the sidebar at once: its page is left at once too (a refusal brings it back).
        onConfirm={() => {
          remove.mutate(label.id);
          leave({ kind: 'label', id: label.id });
        }}
      />
    </li>
  );
}
