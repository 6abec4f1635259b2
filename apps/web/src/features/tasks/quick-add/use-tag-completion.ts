import { type KeyboardEvent, type RefObject, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { applyCompletion, type Completion, completionAt } from './quick-add-completion';
import type { NewName } from './quick-add-new-names';
import { sameName, type TagKind } from './quick-add-tags';
import type { TagNames } from './use-tag-names';

/** One row of the completion list: an existing name, or the offer to create the typed one. */
export interface CompletionItem {
  kind: TagKind;
  name: string;
  isNew: boolean;
}

interface Options {
  text: string;
  known: TagNames;
  inputRef: RefObject<HTMLInputElement | null>;
  onText: (next: string) => void;
  /** The person chose "Create …": no need to ask again on Enter. */
  onConfirmNew: (name: NewName) => void;
}

function itemsOf(completion: Completion | null): CompletionItem[] {
  if (!completion) return [];
  const { kind } = completion;
  const items = completion.options.map((option) => ({ kind, name: option.name, isNew: false }));
  if (completion.createName) items.push({ kind, name: completion.createName, isNew: true });
  return items;
}

function isWrittenOut(item: CompletionItem, completion: Completion | null): boolean {
  return !item.isNew && completion !== null && sameName(item.name, completion.query);
}

/**
 * The ARIA combobox behaviour of quick add: typing `#wo` or `@err` opens a list of matching projects
 * or labels; arrows move, Enter or Tab picks, Escape closes until the next keystroke.
 */
export function useTagCompletion({ text, known, inputRef, onText, onConfirmNew }: Options) {
  // null while the field is not focused: the list belongs to the caret.
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const pendingCaret = useRef<number | null>(null);

  const completion = useMemo(
    () => (caret === null ? null : completionAt(text, caret, known)),
    [text, caret, known],
  );
  const items = useMemo(() => itemsOf(completion), [completion]);
  const key = completion ? `${completion.kind}:${completion.start}:${completion.query}` : null;
  const open = key !== null && key !== dismissed && items.length > 0;

  // A new query starts at the best match.
  const [activeFor, setActiveFor] = useState(key);
  if (activeFor !== key) {
    setActiveFor(key);
    setActive(0);
  }

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (pendingCaret.current === null || !input) return;
    input.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const pick = (item: CompletionItem) => {
    if (!completion) return;
    const next = applyCompletion(text, completion, item.name);
    if (item.isNew) onConfirmNew({ kind: item.kind, name: item.name });
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    onText(next.text);
  };

  /** Handles the list's keys; true when the key was used, so the field does nothing else with it. */
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): boolean => {
    if (!open) return false;
    const count = items.length;
    const chosen = items[Math.min(active, count - 1)];
    switch (event.key) {
      case 'ArrowDown':
        setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        setActive((active - 1 + count) % count);
        break;
      case 'Enter':
        // "#work" written out in full already names Work: Enter adds the task rather than completing.
        if (!chosen || isWrittenOut(chosen, completion)) return false;
        pick(chosen);
        break;
      case 'Tab':
        if (!chosen) return false;
        pick(chosen);
        break;
      case 'Escape':
        setDismissed(key);
        break;
      default:
        return false;
    }
    event.preventDefault();
    return true;
  };

  const trackCaret = (input: HTMLInputElement) => setCaret(input.selectionStart);
  const forgetCaret = () => setCaret(null);

  return {
    open,
    items,
    active: Math.min(active, Math.max(items.length - 1, 0)),
    setActive,
    pick,
    onKeyDown,
    trackCaret,
    forgetCaret,
  };
}
