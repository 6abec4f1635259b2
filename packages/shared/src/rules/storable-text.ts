// A lone surrogate cannot be stored as UTF-8 and NUL is refused by PostgreSQL text columns;
// both would otherwise surface as a 500 deep inside the database driver.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether PostgreSQL can store this text unchanged. Here, not in text.ts, so checking it needs no zod. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}
