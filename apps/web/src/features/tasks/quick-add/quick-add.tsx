import { LIMITS } from '@taskapp/shared';
import { AlertCircle, Plus } from 'lucide-react';
import { type FormEvent, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { Kbd } from '../../../components/kbd';
import { errorMessage } from '../../../lib/trpc-errors';
import { useDaySettings } from '../../account/use-settings';
import { useUser } from '../../auth/use-auth';
import { placeDefaults, useCurrentPlace } from '../../navigation/place-context';
import { readQuickAddDraft, saveQuickAddDraft } from './quick-add-draft';
import { QuickAddField } from './quick-add-field';
import { type NewName, newNameKey, newNamesOf } from './quick-add-new-names';
import { QuickAddConfirm, QuickAddPreview } from './quick-add-preview';
import { useQuickAddReader } from './quick-add-reader';
import { emptyDraft, type QuickAddDraft } from './quick-add-reading';
import { showsTitleCounter, titleProblem } from './quick-add-title';
import { settleWaitingLines, withLinesBack } from './quick-add-waiting';
import { useCreateFromDraft } from './use-create-from-draft';
import { useTagNames } from './use-tag-names';

/**
 * One line that understands "Pay rent tomorrow 9am #Home @errands !high", highlights what it understood
 * in the field and shows it as chips before Enter. A new project or label is created once confirmed.
 */
export function QuickAdd({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const user = useUser();
  // While a session ends (revoked elsewhere) the field is still on screen for a moment with nobody signed
  // in: what is typed, or refused, then is still that person's, and must be kept under their id for
  // when they sign in again (a draft kept under no one was lost).
  const [userId, setUserId] = useState(user?.id ?? '');
  if (user && user.id !== userId) setUserId(user.id);
  const [text, setTextState] = useState(() => readQuickAddDraft(userId));
  // What the field holds right now, for a server answer that arrives after more typing.
  const current = useRef(text);
  const setText = (next: string) => {
    current.current = next;
    setTextState(next);
  };
  const [refusal, setRefusal] = useState<string | null>(null);
  // New names the person agreed to create, by picking "Create …" or by pressing Enter when asked.
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [asking, setAsking] = useState(false);
  const createFromDraft = useCreateFromDraft();
  const known = useTagNames();
  const place = useCurrentPlace();
  const { timeZone, weekStart } = useDaySettings();
  // The reader's code loads once the field is used (focus or text), not with the first screen.
  const [engaged, setEngaged] = useState(false);
  const { read, unavailable } = useQuickAddReader(engaged || text !== '');
  const { draft, marks } = useMemo(
    () =>
      read ? read(text, new Date(), { timeZone, weekStart, ...known }) : { draft: emptyDraft(), marks: [] },
    [read, text, timeZone, weekStart, known],
  );
  // Lines sent with Enter before the reader arrived. The field clears at once, as for any line sent, so
  // what is typed next is a new line; these are read and sent as soon as the reader is here.
  const [waiting, setWaiting] = useState<string[]>([]);
  // Shown once when lines were added as typed because the reader could not load.
  const [notice, setNotice] = useState<string | null>(null);
  const unconfirmed = newNamesOf(draft).filter((name) => !confirmed.includes(newNameKey(name)));
  const showHint = read !== null && text.trim() !== '' && draft.title === '';
  const problem = titleProblem(draft.title);
  const error = problem ?? refusal;

  const type = (next: string) => {
    setText(next);
    setRefusal(null);
    setNotice(null);
    setAsking(false);
    saveQuickAddDraft(userId, next);
  };

  const confirmNew = (name: NewName) => setConfirmed((keys) => [...keys, newNameKey(name)]);

  // The row appears at once; the stored draft keeps the text until the server accepts it, and a refusal
  // puts it back in the field.
  const send = (sent: string, sentDraft: QuickAddDraft) => {
    createFromDraft(sentDraft, placeDefaults(place, { timeZone })).then(
      () => {
        if (readQuickAddDraft(userId) === sent) saveQuickAddDraft(userId, '');
      },
      (failure: unknown) => {
        if (readQuickAddDraft(userId) === '') saveQuickAddDraft(userId, sent);
        // Put back unless something new was typed meanwhile; then at least say which task failed.
        const putBack = current.current === '';
        if (putBack) setText(sent);
        setRefusal(
          putBack ? errorMessage(failure) : `“${sentDraft.title}” was not added: ${errorMessage(failure)}`,
        );
      },
    );
  };

  useEffect(() => {
    if (waiting.length === 0 || (!read && !unavailable)) return;
    setWaiting([]);
    const outcome = settleWaitingLines(
      waiting,
      read && ((line) => read(line, new Date(), { timeZone, weekStart, ...known }).draft),
    );
    for (const { line, draft: lineDraft } of outcome.send) send(line, lineDraft);
    if (outcome.backInField.length > 0) type(withLinesBack(outcome.backInField, current.current));
    if (!read && outcome.send.length > 0) {
      const titles = outcome.send.map(({ draft: lineDraft }) => `“${lineDraft.title}”`);
      setNotice(
        `${titles.join(', ')} ${titles.length === 1 ? 'was' : 'were'} added as typed: quick add reads dates, #projects and @labels once the app can load that part again.`,
      );
    }
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!read) {
      if (text.trim() !== '') {
        setWaiting((lines) => [...lines, text]);
        setText('');
      }
      return;
    }
    if (!draft.title || problem) return;
    if (unconfirmed.length > 0 && !asking) {
      setAsking(true);
      return;
    }
    setText('');
    setRefusal(null);
    setNotice(null);
    setAsking(false);
    setConfirmed([]);
    send(text, draft);
  };

  const counter = showsTitleCounter(draft.title);

  return (
    <form onSubmit={onSubmit} onFocus={() => setEngaged(true)} className="mb-2" aria-label="Quick add">
      <div
        className={`flex items-center gap-2 rounded-lg border bg-surface px-3 shadow-sm ${error ? 'border-danger' : 'border-line-strong focus-within:border-accent'}`}
      >
        <Plus aria-hidden="true" className="size-4 shrink-0 text-faint" />
        <label htmlFor="quick-add" className="sr-only">
          New task
        </label>
        <QuickAddField
          inputRef={inputRef}
          text={text}
          marks={marks}
          known={known}
          invalid={error !== null}
          describedBy={`quick-add-preview${error ? ' quick-add-error' : ''}${counter ? ' quick-add-counter' : ''}`}
          onText={type}
          onConfirmNew={confirmNew}
          onEscape={(input) => (asking ? setAsking(false) : input.blur())}
        />
        {counter ? (
          <span
            id="quick-add-counter"
            data-testid="quick-add-counter"
            className={`shrink-0 text-xs tabular-nums ${problem ? 'text-danger' : 'text-muted'}`}
          >
            {draft.title.length}/{LIMITS.titleMax}
          </span>
        ) : null}
        <span className="hidden text-faint sm:inline" aria-hidden="true">
          <Kbd>N</Kbd>
        </span>
      </div>
      <div id="quick-add-error" aria-live="polite" className="empty:hidden">
        {error ? (
          <p className="mt-1.5 flex items-start gap-1.5 text-danger text-sm">
            <AlertCircle aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
            {error}
          </p>
        ) : null}
      </div>
      <div aria-live="polite" className="empty:hidden">
        {waiting.length > 0 ? (
          <p data-testid="quick-add-waiting" className="mt-1.5 text-muted text-sm">
            Adding {waiting.map((line) => `“${line.trim()}”`).join(', ')}…
          </p>
        ) : null}
        {notice ? (
          <p data-testid="quick-add-notice" className="mt-1.5 text-muted text-sm">
            {notice}
          </p>
        ) : null}
      </div>
      {asking && unconfirmed.length > 0 ? (
        <QuickAddConfirm names={unconfirmed} onCancel={() => setAsking(false)} />
      ) : null}
      <QuickAddPreview
        draft={draft}
        timeZone={timeZone}
        titleHint={showHint}
        enterHint={read !== null && text !== '' && !showHint && !error && !asking}
      />
    </form>
  );
}
