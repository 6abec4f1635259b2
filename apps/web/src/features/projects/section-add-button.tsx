import { Plus } from 'lucide-react';
import { SECTION_ICON_BUTTON } from './section-heading';

/** The + at the end of a sidebar section's heading ("Add project", "Add label"). */
export function SectionAddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" aria-label={label} title={label} onClick={onClick} className={SECTION_ICON_BUTTON}>
      <Plus aria-hidden="true" className="size-4" />
    </button>
  );
}
