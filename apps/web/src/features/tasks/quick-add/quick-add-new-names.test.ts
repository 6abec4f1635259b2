import { describe, expect, it } from 'vitest';
import { describeNewNames, newNameKey, newNamesOf } from './quick-add-new-names';

describe('new names in a quick-add draft', () => {
  it('lists the project and labels that do not exist yet, project first', () => {
    const draft = {
      project: { id: null, name: 'Renovation' },
      labels: [
        { id: 'l-1', name: 'errands' },
        { id: null, name: 'tiles' },
      ],
    };
    expect(newNamesOf(draft)).toEqual([
      { kind: 'project', name: 'Renovation' },
      { kind: 'label', name: 'tiles' },
    ]);
    expect(newNamesOf({ project: { id: 'p-1', name: 'Work' }, labels: [] })).toEqual([]);
  });

  it('describes them in a sentence', () => {
    expect(describeNewNames([{ kind: 'project', name: 'Renovation' }])).toBe('project “Renovation”');
    expect(
      describeNewNames([
        { kind: 'project', name: 'Renovation' },
        { kind: 'label', name: 'errands' },
        { kind: 'label', name: 'tiles' },
      ]),
    ).toBe('project “Renovation” and labels “errands” and “tiles”');
  });

  it('remembers a confirmed name ignoring case', () => {
    expect(newNameKey({ kind: 'label', name: 'Errands' })).toBe(
      newNameKey({ kind: 'label', name: 'errands' }),
    );
    expect(newNameKey({ kind: 'label', name: 'x' })).not.toBe(newNameKey({ kind: 'project', name: 'x' }));
  });
});
