import type { TaskPriority } from '@taskapp/shared';
import { ArrowDown, Flag, Minus } from 'lucide-react';

export const PRIORITY_TONES: Record<TaskPriority, string> = {
  high: 'text-warning',
  medium: 'text-faint',
  low: 'text-accent-text',
};

/**
 * One mark per priority, the same in rows and menus: high a filled flag, low a down arrow, medium (the
 * default) a dash that rows leave out. Low no longer looks more flagged than medium.
 */
export function PriorityIcon({
  priority,
  className = 'size-3.5',
}: {
  priority: TaskPriority;
  className?: string;
}) {
  const tone = `${className} ${PRIORITY_TONES[priority]}`;
  if (priority === 'high') return <Flag aria-hidden="true" className={tone} fill="currentColor" />;
  if (priority === 'low') return <ArrowDown aria-hidden="true" className={tone} strokeWidth={2.5} />;
  return <Minus aria-hidden="true" className={tone} />;
}
