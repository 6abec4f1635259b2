import { describe, expect, it } from 'vitest';
import { parseQuickAdd, readQuickAdd } from './parse-quick-add';

// Friday 27 November 2026, 14:00 local time.
const NOW = new Date(2026, 10, 27, 14, 0);
const projects = [
  { id: 'p-work', name: 'Work' },
  { id: 'p-home', name: 'Home' },
  { id: 'p-reno', name: 'Home Renovation' },
  { id: 'p-friday', name: 'Friday' },
];
const labels = [
  { id: 'l-errands', name: 'errands' },
  { id: 'l-phone', name: 'Phone calls' },
];
const parse = (text: string) => parseQuickAdd(text, NOW, { projects, labels });

describe('parseQuickAdd reads #project', () => {
  it('matches a project by name ignoring case and takes it out of the title', () => {
    expect(parse('Send invoice #work')).toMatchObject({
      title: 'Send invoice',
      project: { id: 'p-work', name: 'Work' },
      labels: [],
      recurrence: null,
    });
  });

  it('matches the longest existing name, so two-word names need no quotes', () => {
    expect(parse('Buy tiles #home renovation tomorrow')).toMatchObject({
      title: 'Buy tiles',
      project: { id: 'p-reno', name: 'Home Renovation' },
      dueDate: new Date('2026-11-28T00:00:00Z'),
    });
    expect(parse('Vacuum #Home today')).toMatchObject({ title: 'Vacuum', project: { id: 'p-home' } });
  });

  it('reads a quoted name, existing or new', () => {
    expect(parse('Buy tiles #"home renovation"').project).toEqual({ id: 'p-reno', name: 'Home Renovation' });
    expect(parse('Plan #"Summer Trip" friday')).toMatchObject({
      title: 'Plan',
      project: { id: null, name: 'Summer Trip' },
      dueDate: new Date('2026-12-04T00:00:00Z'),
    });
  });

  it('offers an unknown one-word name as a new project', () => {
    expect(parse('Buy tiles #Renovation !high')).toMatchObject({
      title: 'Buy tiles',
      project: { id: null, name: 'Renovation' },
      priority: 'high',
    });
  });

  it('leaves "#" inside a word, before a number or alone as text', () => {
    for (const text of ['Learn C# basics', 'Fix issue#12', 'Close #12 today', 'Rank # 1']) {
      expect(parse(text).project).toBeNull();
    }
    expect(parse('Learn C# basics').title).toBe('Learn C# basics');
    expect(parse('Fix issue#12').title).toBe('Fix issue#12');
  });

  it('leaves a tag inside a quoted literal alone', () => {
    expect(parse('Read "#work @errands" today')).toMatchObject({
      title: 'Read #work @errands',
      project: null,
      labels: [],
      recurrence: null,
    });
  });

  it('does not read a project name as a date', () => {
    expect(parse('Retro #Friday')).toMatchObject({
      title: 'Retro',
      dueDate: null,
      project: { id: 'p-friday' },
    });
  });

  it('drops the punctuation that ends a sentence from a new name', () => {
    expect(parse('File receipts for #Taxes, then rest').project).toEqual({ id: null, name: 'Taxes' });
  });

  it('keeps only the last project and leaves the earlier one in the title', () => {
    expect(parse('Move desk #Work #Home')).toMatchObject({
      title: 'Move desk #Work',
      project: { id: 'p-home' },
    });
  });
});

describe('parseQuickAdd reads @label', () => {
  it('matches labels ignoring case, each once, and offers unknown names as new', () => {
    expect(parse('Call plumber @Errands @urgent @errands')).toMatchObject({
      title: 'Call plumber',
      labels: [
        { id: 'l-errands', name: 'errands' },
        { id: null, name: 'urgent' },
      ],
    });
  });

  it('reads multi-word labels by longest name or quotes', () => {
    expect(parse('Ring bank @phone calls').labels).toEqual([{ id: 'l-phone', name: 'Phone calls' }]);
    expect(parse('Ring bank @"Call back"').labels).toEqual([{ id: null, name: 'Call back' }]);
  });

  it('leaves e-mail addresses and a lone "@" alone', () => {
    expect(parse('Email bob@example.com')).toMatchObject({ title: 'Email bob@example.com', labels: [] });
    expect(parse('Meet @ 5pm').labels).toEqual([]);
  });

  it('reads the whole grammar at once', () => {
    expect(parse('Buy tiles #Renovation @errands tomorrow !high')).toEqual({
      title: 'Buy tiles',
      dueDate: new Date('2026-11-28T00:00:00Z'),
      allDay: true,
      priority: 'high',
      project: { id: null, name: 'Renovation' },
      labels: [{ id: 'l-errands', name: 'errands' }],
      recurrence: null,
    });
  });
});

describe('parseQuickAdd keeps its date readings with tags around', () => {
  it('still reads the false positives as people mean them', () => {
    expect(parse('Email March report to Sam #Work')).toMatchObject({
      title: 'Email March report to Sam',
      dueDate: null,
    });
    expect(parse('Meeting at 3 #Work').dueDate).toEqual(new Date(2026, 10, 27, 15, 0));
    expect(parse('Pay rent on the 1st @errands').dueDate).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(parse('Plan trip next week #Home').dueDate).toEqual(new Date('2026-11-30T00:00:00Z'));
  });
});

describe('readQuickAdd marks what it understood', () => {
  it('gives the place of every understood word, in order', () => {
    const text = 'Buy tiles #Renovation @errands tomorrow !high';
    const { marks } = readQuickAdd(text, NOW, { projects, labels });
    expect(marks.map((mark) => [mark.kind, text.slice(mark.start, mark.end)])).toEqual([
      ['project', '#Renovation'],
      ['label', '@errands'],
      ['date', 'tomorrow'],
      ['priority', '!high'],
    ]);
  });

  it('marks a quoted project with its quotes and nothing in a literal', () => {
    const text = 'Read "C# @notes" #"Home Renovation"';
    const { marks } = readQuickAdd(text, NOW, { projects, labels });
    expect(marks.map((mark) => text.slice(mark.start, mark.end))).toEqual(['#"Home Renovation"']);
  });
});
