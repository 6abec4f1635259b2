import { toast as sonner } from 'sonner';
import { describe, expect, it } from 'vitest';
import { toast } from './toast';

const shown = () => sonner.getHistory().map((item) => ('title' in item ? item.title : undefined));

describe('toast', () => {
  it('shows calls made while sonner loads, in the order they were made, with their kind and options', async () => {
    const before = sonner.getHistory().length;
    toast('Task deleted', { action: { label: 'Undo', onClick: () => undefined } });
    toast.error('A change couldn’t be saved');
    toast.warning('A change needs your choice');
    toast.success('Confirmation link sent');
    await expect.poll(() => sonner.getHistory().length).toBe(before + 4);
    expect(shown().slice(before)).toEqual([
      'Task deleted',
      'A change couldn’t be saved',
      'A change needs your choice',
      'Confirmation link sent',
    ]);
    const items = sonner.getHistory().slice(before);
    // A plain toast has no type.
    expect(items.map((item) => ('type' in item ? item.type : undefined))).toEqual([
      undefined,
      'error',
      'warning',
      'success',
    ]);
    expect(items[0] && 'action' in items[0] ? items[0].action : undefined).toMatchObject({ label: 'Undo' });
  });
});
