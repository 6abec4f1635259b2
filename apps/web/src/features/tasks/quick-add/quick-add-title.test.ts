import { LIMITS, taskTitleSchema } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { showsTitleCounter, titleProblem } from './quick-add-title';

describe('quick add title', () => {
  it('accepts titles up to the limit', () => {
    expect(titleProblem('Pay rent')).toBeNull();
    expect(titleProblem('x'.repeat(LIMITS.titleMax))).toBeNull();
  });

  it('refuses a longer title with the API’s words instead of cutting it', () => {
    expect(titleProblem('x'.repeat(LIMITS.titleMax + 1))).toBe(`Use at most ${LIMITS.titleMax} characters`);
    expect(titleProblem('x'.repeat(600))).toBe(`Use at most ${LIMITS.titleMax} characters`);
  });

  it('says what the API’s title schema says, for every kind of title', () => {
    const titles = [
      'Pay rent',
      '  padded  ',
      `${'x'.repeat(LIMITS.titleMax)}   `,
      'x'.repeat(LIMITS.titleMax + 1),
      'nul \u0000 inside',
      'lone \uD800 surrogate',
      `${'x'.repeat(LIMITS.titleMax + 5)}\u0000`,
      'emoji 😀 pair',
    ];
    for (const title of titles) {
      const checked = taskTitleSchema.safeParse(title);
      expect(titleProblem(title), title).toBe(checked.success ? null : checked.error.issues[0]?.message);
    }
  });

  it('leaves an empty title to the hint', () => {
    expect(titleProblem('   ')).toBeNull();
  });

  it('shows the counter only near the limit', () => {
    expect(showsTitleCounter('Pay rent')).toBe(false);
    expect(showsTitleCounter('x'.repeat(LIMITS.titleMax - 40))).toBe(false);
    expect(showsTitleCounter('x'.repeat(LIMITS.titleMax - 10))).toBe(true);
    expect(showsTitleCounter('x'.repeat(600))).toBe(true);
  });
});
