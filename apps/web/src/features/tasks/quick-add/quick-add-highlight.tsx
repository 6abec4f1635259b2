import type { RefObject } from 'react';
import type { QuickAddMark } from './parse-quick-add';

export interface Segment {
  text: string;
  kind: QuickAddMark['kind'] | null;
}

/** The text cut at the marks, so each understood word can be drawn highlighted. */
export function segmentsOf(text: string, marks: QuickAddMark[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) segments.push({ text: text.slice(at, mark.start), kind: null });
    segments.push({ text: text.slice(mark.start, mark.end), kind: mark.kind });
    at = mark.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: null });
  return segments;
}

/**
 * A mirror of the field's text drawn behind it, with the understood words highlighted. The field's own
 * text is transparent, so what is read is the mirror, while the caret, selection, typing and screen
 * readers all stay with the real <input>. Same font, size and padding as the field; no padding or bold on
 * a highlight, so every glyph stays where the input puts it.
 */
export function QuickAddHighlight({
  text,
  marks,
  mirrorRef,
}: {
  text: string;
  marks: QuickAddMark[];
  mirrorRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div
      ref={mirrorRef}
      aria-hidden="true"
      data-testid="quick-add-highlight"
      className="pointer-events-none absolute inset-0 overflow-hidden whitespace-pre text-base text-fg leading-10"
    >
      {segmentsOf(text, marks).map((segment, index) =>
        segment.kind ? (
          <mark key={index} data-kind={segment.kind} className="rounded-sm bg-accent-soft text-accent-text">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
