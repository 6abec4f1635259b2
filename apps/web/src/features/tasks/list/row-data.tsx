import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { NO_HOVER, SM_UP, useMediaQuery } from '../../../lib/use-media-query';
import { useDaySettings } from '../../account/use-settings';
import { type Label, useLabelsById } from '../../projects/use-labels';
import { type Project, useProjectsById } from '../../projects/use-projects';

/** What every row reads besides its task: the day's time zone and the names and colours of its chips. */
export interface RowData {
  timeZone: string;
  projects: ReadonlyMap<string, Project>;
  labels: ReadonlyMap<string, Label>;
  /** A touch screen (no hover): controls that appear on hover have no way to appear. */
  touch: boolean;
  /** Narrower than Tailwind's `sm` (a phone): the row keeps only what fits beside the title. */
  narrow: boolean;
}

const RowDataContext = createContext<RowData | null>(null);

/**
 * Reads the settings, projects and labels once for a whole list. Read in each row instead, every row
 * held three or four query subscriptions of its own, and each of those queries arriving re-rendered the
 * rows one subscription at a time.
 */
export function RowDataProvider({ children }: { children: ReactNode }) {
  const { timeZone } = useDaySettings();
  const projects = useProjectsById();
  const labels = useLabelsById();
  const touch = useMediaQuery(NO_HOVER);
  const narrow = !useMediaQuery(SM_UP);
  const value = useMemo(
    () => ({ timeZone, projects, labels, touch, narrow }),
    [timeZone, projects, labels, touch, narrow],
  );
  return <RowDataContext.Provider value={value}>{children}</RowDataContext.Provider>;
}

export function useRowData(): RowData {
  const data = useContext(RowDataContext);
  if (!data) throw new Error('A task row needs a RowDataProvider above it (the task screen has one).');
  return data;
}
