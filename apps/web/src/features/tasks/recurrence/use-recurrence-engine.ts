import { useEffect, useState } from 'react';
import { loadRecurrenceEngine, type RecurrenceEngine } from './recurrence-engine';

let loaded: RecurrenceEngine | null = null;

/** The recurrence engine once its chunk has arrived (null until then); asked for only when `wanted`. */
export function useRecurrenceEngine(wanted = true): RecurrenceEngine | null {
  const [engine, setEngine] = useState(loaded);
  useEffect(() => {
    if (!wanted || engine) return;
    let current = true;
    loadRecurrenceEngine().then(
      (ready) => {
        loaded = ready;
        if (current) setEngine(ready);
      },
      // Offline or a new deployment: the schedule is still shown, only without its summary.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, engine]);
  return engine;
}
