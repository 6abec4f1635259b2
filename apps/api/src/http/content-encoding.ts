/** The encodings we keep precompressed copies in, best first, with the file extension of each. */
export const PRECOMPRESSED = [
  { encoding: 'br', extension: '.br' },
  { encoding: 'gzip', extension: '.gz' },
] as const;

export type Encoding = (typeof PRECOMPRESSED)[number]['encoding'];

/**
 * The best of `available` (in our order of preference) that the Accept-Encoding header allows, or null
 * for the plain file. Ours rather than Express's negotiation, which breaks ties by the header's order and
 * so would pick gzip for Chrome's "gzip, deflate, br, zstd".
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = weights.get('*') ?? 0;
  return available.find((encoding) => (weights.get(encoding) ?? wildcard) > 0) ?? null;
}
