import { newNamesOf } from './quick-add-new-names';
import { emptyDraft, type QuickAddDraft } from './quick-add-reading';
import { titleProblem } from './quick-add-title';

/** What becomes of the lines sent with Enter before quick add's reader had loaded. */
export interface WaitingLinesOutcome {
  /** Lines that can go as they are, with what was read in them. */
  send: { line: string; draft: QuickAddDraft }[];
  /** Lines that need the person (new names to confirm, a title problem): they go back into the field. */
  backInField: string[];
}

/**
 * Reads the waiting lines once the reader is here. When it cannot load (offline before its code was
 * ever fetched), each line is added as typed rather than kept waiting for a reader that may never come.
 */
export function settleWaitingLines(
  lines: readonly string[],
  read: ((line: string) => QuickAddDraft) | null,
): WaitingLinesOutcome {
  const outcome: WaitingLinesOutcome = { send: [], backInField: [] };
  for (const line of lines) {
    const draft = read ? read(line) : { ...emptyDraft(), title: line.trim() };
    if (draft.title && !titleProblem(draft.title) && newNamesOf(draft).length === 0) {
      outcome.send.push({ line, draft });
    } else {
      outcome.backInField.push(line);
    }
  }
  return outcome;
}

/** The field's text once lines come back to it: theirs first, then whatever was typed since. */
export function withLinesBack(backInField: readonly string[], typedSince: string): string {
  return [...backInField, typedSince].filter((part) => part.trim() !== '').join(' ');
}
