import { Tag } from 'lucide-react';
import { SidebarLink } from '../navigation/sidebar-link';
import { COLOR_DOTS } from './colors';
import { SectionHeading } from './section-heading';
import { useLabels } from './use-labels';

/** Every label, each opening the tasks that carry it. */
export function LabelsSection({ onNavigate }: { onNavigate?: () => void }) {
  const { data: labels = [], isPending } = useLabels();
  return (
    <section aria-labelledby="sidebar-labels" className="flex flex-col gap-0.5">
      <SectionHeading id="sidebar-labels" title="Labels" />
      {labels.length > 0 ? (
        <ul className="flex flex-col gap-0.5">
          {labels.map((label) => (
            <li key={label.id} className="flex">
              <SidebarLink
                to="/labels/$labelId"
                params={{ labelId: label.id }}
                icon={
                  <Tag
                    aria-hidden="true"
                    className="size-4 shrink-0"
                    style={{ color: COLOR_DOTS[label.color] }}
                  />
                }
                label={label.name}
                onNavigate={onNavigate}
              />
            </li>
          ))}
        </ul>
      ) : !isPending ? (
        <p className="px-2.5 text-faint text-xs">Type @name in quick add to label a task.</p>
      ) : null}
    </section>
  );
}
