import { Search, X } from 'lucide-react';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { Kbd } from '../../../components/kbd';

// Long enough to skip the keystrokes in a word, short enough to feel immediate.
const DEBOUNCE_MS = 250;

interface SearchBoxProps {
  value: string;
  onSearch: (text: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * Search as you type: the list follows a quarter second after the last key. Each search is its own
 * query, and React Query cancels the requests of searches no longer shown.
 */
export function SearchBox({ value, onSearch, inputRef }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Follows the URL when it changes from elsewhere (Back, "Clear filters").
  useEffect(() => {
    setText((current) => (current.trim() === value.trim() ? current : value));
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: string, { now = false } = {}) => {
    setText(next);
    clearTimeout(timer.current);
    if (now) onSearch(next);
    else timer.current = setTimeout(() => onSearch(next), DEBOUNCE_MS);
  };

  return (
    <div className="flex h-8 min-w-0 flex-1 items-center gap-2 rounded-md border border-line-strong bg-surface px-2 focus-within:border-accent sm:max-w-64">
      <Search aria-hidden="true" className="size-4 shrink-0 text-faint" />
      <input
        ref={inputRef}
        type="search"
        aria-label="Search tasks"
        aria-keyshortcuts="/"
        value={text}
        placeholder="Search"
        autoComplete="off"
        maxLength={200}
        onChange={(event) => change(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') change(text, { now: true });
          if (event.key === 'Escape') {
            event.preventDefault();
            if (text) change('', { now: true });
            else event.currentTarget.blur();
          }
        }}
        className="h-full min-w-0 flex-1 bg-transparent outline-none placeholder:text-faint [&::-webkit-search-cancel-button]:hidden"
      />
      {text ? (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => {
            change('', { now: true });
            inputRef.current?.focus();
          }}
          className="flex size-5 items-center justify-center rounded-sm text-faint hover:text-fg"
        >
          <X aria-hidden="true" className="size-3.5" />
        </button>
      ) : (
        <span aria-hidden="true" className="text-faint max-sm:hidden">
          <Kbd>/</Kbd>
        </span>
      )}
    </div>
  );
}
