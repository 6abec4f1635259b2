import { describe, expect, it } from 'vitest';
import { segmentsOf } from './quick-add-highlight';

describe('segmentsOf', () => {
  it('cuts the text into plain and understood stretches that join back into the text', () => {
    const text = 'Buy tiles #Reno tomorrow';
    const segments = segmentsOf(text, [
      { kind: 'project', start: 10, end: 15 },
      { kind: 'date', start: 16, end: 24 },
    ]);
    expect(segments).toEqual([
      { text: 'Buy tiles ', kind: null },
      { text: '#Reno', kind: 'project' },
      { text: ' ', kind: null },
      { text: 'tomorrow', kind: 'date' },
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });

  it('gives the whole text when nothing was understood', () => {
    expect(segmentsOf('Plain', [])).toEqual([{ text: 'Plain', kind: null }]);
    expect(segmentsOf('', [])).toEqual([]);
  });
});
