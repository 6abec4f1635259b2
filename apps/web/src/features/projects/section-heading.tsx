import type { ReactNode } from 'react';

/** "Projects" or "Labels" above its list, with the section's own actions at the end. */
export function SectionHeading({ id, title, actions }: { id: string; title: string; actions?: ReactNode }) {
  return (
    <div className="flex items-center justify-between pr-0.5 pl-2.5">
      <h2 id={id} className="font-medium text-faint text-xs">
        {title}
      </h2>
      {actions}
    </div>
  );
}

export const SECTION_ICON_BUTTON =
  'flex size-11 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg md:size-7';
