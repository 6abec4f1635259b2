import { describe, expect, it } from 'vitest';
import { isStorableText } from './rules/storable-text.js';
import { storableText } from './text.js';

describe('isStorableText', () => {
  it('accepts ordinary, emoji and right-to-left text', () => {
    expect(isStorableText('Pay rent')).toBe(true);
    expect(isStorableText('Ship it 🚀')).toBe(true);
    expect(isStorableText('שלום עולם')).toBe(true);
  });

  it('refuses NUL and unpaired surrogates', () => {
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('broken \uD83D')).toBe(false);
    expect(isStorableText('\uDE00 broken')).toBe(false);
  });

  it('is usable as a zod schema with a clear message', () => {
    const result = storableText().safeParse('x\u0000');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Contains characters that cannot be stored');
  });
});
