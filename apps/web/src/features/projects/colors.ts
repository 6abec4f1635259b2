import type { Color } from '@taskapp/shared/constants';

/**
 * A project's or label's colour as a dot beside its name. The name carries the meaning, so the dot only
 * needs to be told apart from its neighbours; these mid tones read on the light and the dark surface.
 */
export const COLOR_DOTS: Record<Color, string> = {
  grey: '#8b8b94',
  red: '#e5484d',
  orange: '#f76b15',
  yellow: '#e2a336',
  green: '#30a46c',
  teal: '#12a594',
  blue: '#0090ff',
  purple: '#8e4ec6',
  pink: '#d6409f',
};
