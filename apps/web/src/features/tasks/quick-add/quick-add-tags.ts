/** A project or label that already exists, as quick add matches words against it. */
export interface NamedRef {
  id: string;
  name: string;
}

export type TagKind = 'project' | 'label';

/** A `#project` or `@label` found in the text; `name` is the existing one's spelling when it matched. */
export interface TagMatch {
  kind: TagKind;
  name: string;
  /** The existing project or label it names, or null for a name that does not exist yet. */
  id: string | null;
  start: number;
  end: number;
}

export const SIGIL: Record<TagKind, string> = { project: '#', label: '@' };
const KIND_OF: Record<string, TagKind> = { '#': 'project', '@': 'label' };

// Punctuation that ends a sentence or a list, not a name: "files for #Work, then".
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** A sigil starts a tag only at the start of a word: "C#", "issue#12" and "bob@example.com" stay text. */
export function startsTag(text: string, at: number): boolean {
  const char = text[at];
  return (char === '#' || char === '@') && (at === 0 || /\s/.test(text[at - 1] ?? ''));
}

export function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

function endsWord(text: string, at: number): boolean {
  const rest = text.slice(at);
  return rest === '' || /^[\s.,;:!?)\]]*(\s|$)/.test(rest);
}

/** The longest existing name written right after the sigil, so "#Home Renovation" needs no quotes. */
function longestKnownName(text: string, from: number, known: NamedRef[]): NamedRef | null {
  let best: NamedRef | null = null;
  for (const ref of known) {
    const written = text.slice(from, from + ref.name.length);
    if (!sameName(written, ref.name) || !endsWord(text, from + ref.name.length)) continue;
    if (!best || ref.name.length > best.name.length) best = ref;
  }
  return best;
}

function readTag(text: string, at: number, known: NamedRef[]): Omit<TagMatch, 'kind'> | null {
  const from = at + 1;
  if (text[from] === '"') {
    const close = text.indexOf('"', from + 1);
    const name = close === -1 ? '' : text.slice(from + 1, close).trim();
    if (!name) return null;
    const ref = known.find((other) => sameName(other.name, name));
    return { name: ref?.name ?? name, id: ref?.id ?? null, start: at, end: close + 1 };
  }
  const ref = longestKnownName(text, from, known);
  if (ref) return { name: ref.name, id: ref.id, start: at, end: from + ref.name.length };
  // A new name is one word starting with a letter: "#1" or "@ 5pm" are not tags.
  const word = text
    .slice(from)
    .match(/^\p{L}\S*/u)?.[0]
    .replace(TRAILING_PUNCTUATION, '');
  if (!word) return null;
  return { name: word, id: null, start: at, end: from + word.length };
}

/**
 * Finds `#project`, `#"Two words"` and `@label` in the text, skipping "quoted" literals. A name is
 * matched to an existing one ignoring case. Only the last project counts (an earlier one stays in the
 * title, so no word is dropped silently); a label written twice is found twice.
 */
export function findTags(text: string, projects: NamedRef[], labels: NamedRef[]): TagMatch[] {
  const found: TagMatch[] = [];
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '"') {
      const close = text.indexOf('"', at + 1);
      if (close !== -1) at = close;
      continue;
    }
    if (!startsTag(text, at)) continue;
    const kind = KIND_OF[text[at] as string] as TagKind;
    const tag = readTag(text, at, kind === 'project' ? projects : labels);
    if (!tag) continue;
    found.push({ kind, ...tag });
    at = tag.end - 1;
  }
  const lastProject = found.findLast((tag) => tag.kind === 'project');
  return found.filter((tag) => tag.kind === 'label' || tag === lastProject);
}
