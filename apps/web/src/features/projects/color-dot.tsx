import type { Color } from '@taskapp/shared/constants';
import { COLOR_DOTS } from './colors';

export function ColorDot({ color, className = 'size-2.5' }: { color: Color; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block shrink-0 rounded-full ${className}`}
      style={{ backgroundColor: COLOR_DOTS[color] }}
    />
  );
}
