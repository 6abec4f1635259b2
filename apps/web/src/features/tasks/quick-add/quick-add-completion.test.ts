import { describe, expect, it } from 'vitest';
import { applyCompletion, completionAt, matchNames, writtenTag } from './quick-add-completion';

const projects = [
  { id: 'p-work', name: 'Work' },
  { id: 'p-home', name: 'Home' },
  { id: 'p-reno', name: 'Home Renovation' },
  { id: 'p-net', name: 'Network upgrade' },
];
const labels = [
  { id: 'l-errands', name: 'errands' },
  { id: 'l-phone', name: 'Phone calls' },
];
const known = { projects, labels };
/** The completion with the caret at the end of the text. */
const at = (text: string) => completionAt(text, text.length, known);
const names = (text: string) => at(text)?.options.map((option) => option.name);

describe('matchNames', () => {
  it('puts names starting with the query before names containing it, ignoring case', () => {
    expect(matchNames('wo', projects).map((ref) => ref.name)).toEqual(['Work', 'Network upgrade']);
    expect(matchNames('HOME', projects).map((ref) => ref.name)).toEqual(['Home', 'Home Renovation']);
  });

  it('gives every name for an empty query, up to the limit', () => {
    expect(matchNames('', projects)).toHaveLength(4);
    expect(matchNames('', projects, 2)).toHaveLength(2);
  });
});

describe('completionAt', () => {
  it('offers matching projects after "#" and labels after "@"', () => {
    expect(at('Send invoice #wo')).toMatchObject({ kind: 'project', start: 13, end: 16, query: 'wo' });
    expect(names('Send invoice #wo')).toEqual(['Work', 'Network upgrade']);
    expect(at('Call @err')).toMatchObject({ kind: 'label', query: 'err', createName: 'err' });
    expect(names('Call @err')).toEqual(['errands']);
  });

  it('offers every project right after a lone "#"', () => {
    expect(at('Send invoice #')).toMatchObject({ query: '', createName: null });
    expect(names('Send invoice #')).toHaveLength(4);
  });

  it('offers to create a name that does not exist, and not one that does', () => {
    expect(at('Buy tiles #Renovation')).toMatchObject({ createName: 'Renovation' });
    expect(names('Buy tiles #Renovation')).toEqual(['Home Renovation']);
    expect(at('Buy tiles #Tiles')).toMatchObject({ options: [], createName: 'Tiles' });
    expect(at('Send #work')).toMatchObject({ createName: null });
  });

  it('continues a two-word name, quoted or one that exists', () => {
    expect(at('Buy tiles #Home Re')).toMatchObject({ query: 'Home Re', options: [{ id: 'p-reno' }] });
    expect(at('Buy tiles #"Summer tr')).toMatchObject({ query: 'Summer tr', createName: 'Summer tr' });
    expect(at('Buy tiles #Home tomorrow')).toBeNull();
    expect(at('Buy tiles #Home ')).toBeNull();
  });

  it('stays closed where no tag is being typed', () => {
    for (const text of [
      'Learn C#',
      'Fix issue#1',
      'Email bob@exa',
      'Rank #1',
      'Read "#wo',
      '#"Home" ',
      'Plain',
    ]) {
      expect(at(text), text).toBeNull();
    }
  });

  it('finds the tag around a caret in the middle of the text and covers the rest of its word', () => {
    const text = 'Send #wor today';
    expect(completionAt(text, 8, known)).toMatchObject({ start: 5, end: 9, query: 'wo' });
    expect(completionAt(text, text.length, known)).toBeNull();
  });

  it('completes an existing name that starts with a digit, but offers no new one', () => {
    const withYear = { projects: [...projects, { id: 'p-2027', name: '2027 goals' }], labels };
    expect(completionAt('Plan #20', 8, withYear)).toMatchObject({
      options: [{ id: 'p-2027' }],
      createName: null,
    });
    expect(completionAt('Plan #2027 g', 12, withYear)).toMatchObject({ query: '2027 g' });
    expect(completionAt('Plan #19', 8, withYear)).toBeNull();
  });

  it('offers nothing when no name matches and none can be created', () => {
    expect(completionAt('#', 1, { projects: [], labels })).toBeNull();
  });
});

describe('applyCompletion', () => {
  it('writes the chosen name with one space after it and puts the caret there', () => {
    const text = 'Send invoice #wo';
    const completion = at(text);
    expect(completion).not.toBeNull();
    if (!completion) return;
    expect(applyCompletion(text, completion, 'Work')).toEqual({ text: 'Send invoice #Work ', caret: 19 });
  });

  it('replaces the whole tag when the caret was inside it and keeps the rest', () => {
    const text = 'Send #wor today';
    const completion = completionAt(text, 8, known);
    if (!completion) throw new Error('expected a completion');
    expect(applyCompletion(text, completion, 'Work')).toEqual({ text: 'Send #Work today', caret: 11 });
  });

  it('quotes names with spaces so they read back the same', () => {
    expect(writtenTag('project', 'Home Renovation')).toBe('#"Home Renovation"');
    expect(writtenTag('label', 'errands')).toBe('@errands');
    const text = 'Call @pho';
    const completion = at(text);
    if (!completion) throw new Error('expected a completion');
    expect(applyCompletion(text, completion, 'Phone calls').text).toBe('Call @"Phone calls" ');
  });
});
