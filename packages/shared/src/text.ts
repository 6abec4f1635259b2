import { z } from 'zod';

// A lone surrogate cannot be stored as UTF-8 and NUL is refused by PostgreSQL text columns;
// both would otherwise surface as a 500 deep inside the database driver.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}

/** A string that PostgreSQL can store unchanged. */
export const storableText = () =>
  z.string().refine(isStorableText, { message: 'Contains characters that cannot be stored' });
