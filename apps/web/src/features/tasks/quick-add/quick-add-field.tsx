import { AtSign, Hash, Plus } from 'lucide-react';
import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef } from 'react';
import type { QuickAddMark } from './parse-quick-add';
import { QuickAddHighlight } from './quick-add-highlight';
import type { NewName } from './quick-add-new-names';
import { type CompletionItem, useTagCompletion } from './use-tag-completion';
import type { TagNames } from './use-tag-names';

const LISTBOX_ID = 'quick-add-options';
const optionId = (index: number) => `quick-add-option-${index}`;

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  text: string;
  marks: QuickAddMark[];
  known: TagNames;
  invalid: boolean;
  describedBy: string;
  onText: (next: string) => void;
  onConfirmNew: (name: NewName) => void;
  /** Escape when no list is open. */
  onEscape: (input: HTMLInputElement) => void;
}

function OptionText({ item }: { item: CompletionItem }) {
  const Icon = item.kind === 'project' ? Hash : AtSign;
  if (!item.isNew) {
    return (
      <>
        <Icon aria-hidden="true" className="size-3.5 shrink-0 text-muted" />
        <span className="truncate">{item.name}</span>
      </>
    );
  }
  return (
    <>
      <Plus aria-hidden="true" className="size-3.5 shrink-0 text-muted" />
      <span className="truncate">
        Create {item.kind} “{item.name}”
      </span>
    </>
  );
}

/**
 * The quick-add <input> as an ARIA combobox: the understood words are highlighted in a mirror behind
 * it, and `#`/`@` open a list of projects or labels to complete.
 */
export function QuickAddField({
  inputRef,
  text,
  marks,
  known,
  invalid,
  describedBy,
  onText,
  onConfirmNew,
  onEscape,
}: Props) {
  const mirrorRef = useRef<HTMLDivElement>(null);
  const completion = useTagCompletion({ text, known, inputRef, onText, onConfirmNew });
  const { open, items, active } = completion;

  // The mirror scrolls with the field when the text is wider than it. Reading scrollLeft forces a
  // layout, so only when the text changed, and never for an empty field (nothing to line up).
  const syncScroll = () => {
    if (mirrorRef.current && inputRef.current) mirrorRef.current.scrollLeft = inputRef.current.scrollLeft;
  };
  useLayoutEffect(() => {
    if (text !== '') syncScroll();
  }, [text]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (completion.onKeyDown(event)) return;
    if (event.key === 'Escape') onEscape(event.currentTarget);
  };

  return (
    <div className="relative min-w-0 flex-1">
      <QuickAddHighlight text={text} marks={marks} mirrorRef={mirrorRef} />
      <input
        id="quick-add"
        ref={inputRef}
        value={text}
        onChange={(event) => {
          onText(event.target.value);
          completion.trackCaret(event.target);
        }}
        onSelect={(event) => {
          completion.trackCaret(event.currentTarget);
          syncScroll();
        }}
        onFocus={(event) => completion.trackCaret(event.currentTarget)}
        onBlur={completion.forgetCaret}
        onScroll={syncScroll}
        onKeyDown={onKeyDown}
        placeholder="Add a task — try “Pay rent friday #Home !high”"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={open}
        aria-controls={LISTBOX_ID}
        aria-autocomplete="list"
        aria-activedescendant={open ? optionId(active) : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        className="relative h-10 w-full bg-transparent text-base text-transparent caret-fg outline-none selection:bg-accent/25 placeholder:text-faint"
      />
      <div
        id={LISTBOX_ID}
        role="listbox"
        aria-label={items[0]?.kind === 'label' ? 'Labels' : 'Projects'}
        hidden={!open}
        className="absolute top-full left-0 z-30 mt-1 max-h-72 w-72 max-w-full overflow-auto rounded-lg border border-line bg-surface p-1 shadow-sm"
      >
        {open
          ? items.map((item, index) => (
              // Options stay unfocusable: focus remains in the field, which points at the active one
              // (aria-activedescendant), and the field's arrow keys, Enter and Tab choose.
              // biome-ignore lint/a11y/useFocusableInteractive: see above
              // biome-ignore lint/a11y/useKeyWithClickEvents: see above
              <div
                key={`${item.isNew ? 'new' : 'known'}:${item.name}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                // Keeps focus in the field, where typing goes on.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => completion.pick(item)}
                onMouseMove={() => completion.setActive(index)}
                className={`flex h-8 cursor-pointer items-center gap-2 rounded-md px-2 text-sm ${index === active ? 'bg-subtle text-fg' : 'text-fg'}`}
              >
                <OptionText item={item} />
              </div>
            ))
          : null}
      </div>
    </div>
  );
}
