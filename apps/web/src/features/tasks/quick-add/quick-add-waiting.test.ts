import { describe, expect, it } from 'vitest';
import { readQuickAdd } from './parse-quick-add';
import { settleWaitingLines, withLinesBack } from './quick-add-waiting';

const now = new Date('2026-12-01T10:00:00Z');
const known = { projects: [{ id: 'p1', name: 'Home' }], labels: [] };
const read = (line: string) => readQuickAdd(line, now, { timeZone: 'UTC', ...known }).draft;

describe('settleWaitingLines', () => {
  it('sends each line that can go as read, in the order typed', () => {
    const { send, backInField } = settleWaitingLines(
      ['Water the plants tomorrow', 'Pay rent #Home !high'],
      read,
    );
    expect(send.map(({ line }) => line)).toEqual(['Water the plants tomorrow', 'Pay rent #Home !high']);
    expect(send[0]?.draft).toMatchObject({ title: 'Water the plants', allDay: true });
    expect(send[0]?.draft.dueDate?.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(send[1]?.draft).toMatchObject({ title: 'Pay rent', priority: 'high', project: { id: 'p1' } });
    expect(backInField).toEqual([]);
  });

  it('gives back the lines that need the person: new names to confirm, a title that would be refused', () => {
    const tooLong = 'x'.repeat(300);
    const { send, backInField } = settleWaitingLines(['Buy tiles #Renovation', tooLong, 'Call mum'], read);
    expect(send.map(({ line }) => line)).toEqual(['Call mum']);
    expect(backInField).toEqual(['Buy tiles #Renovation', tooLong]);
  });

  it('adds lines as typed when the reader cannot load', () => {
    const { send, backInField } = settleWaitingLines(['  Renew passport friday !high ', '   '], null);
    expect(send).toEqual([
      {
        line: '  Renew passport friday !high ',
        draft: expect.objectContaining({
          title: 'Renew passport friday !high',
          dueDate: null,
          priority: null,
        }),
      },
    ]);
    expect(backInField).toEqual(['   ']);
  });
});

describe('withLinesBack', () => {
  it('puts the returned lines in front of what was typed since', () => {
    expect(withLinesBack(['Buy tiles #Renovation'], 'Pay')).toBe('Buy tiles #Renovation Pay');
    expect(withLinesBack(['Buy tiles #Renovation'], '')).toBe('Buy tiles #Renovation');
  });
});
